import { SkopsError } from '@skops-ts/core';
import { describe, expect, it } from 'vitest';
import { readJoblib, scanPickle } from '@skops-ts/pickle';
import { pickleFixtures } from './fixtures.js';

/** Deterministic xorshift PRNG, so a failure reproduces. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

function outcome(fn: () => unknown): 'ok' | 'typed' | 'other' {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return SkopsError.isInstance(e) ? 'typed' : 'other';
  }
}

const cases = pickleFixtures().filter(
  (c) => c.sidecar.compression === 'none' || c.dir === 'hostile',
);

describe('mutated fixture pickles', () => {
  for (const c of cases) {
    it(`ends every truncation and byte flip of ${c.dir}/${c.name} in a result or a typed SkopsError`, () => {
      const rand = rng(c.bytes.length * 7919 + c.name.length);
      const others: string[] = [];
      for (let i = 0; i < 25; i++) {
        const cut = c.bytes.slice(0, Math.floor(rand() * c.bytes.length));
        const flipped = c.bytes.slice();
        for (let k = 0; k < 3; k++)
          flipped[Math.floor(rand() * flipped.length)] = Math.floor(rand() * 256);
        for (const [kind, bytes] of [
          ['cut', cut],
          ['flip', flipped],
        ] as const) {
          const limits = { maxNodes: 1e6 };
          if (outcome(() => readJoblib(bytes, { limits })) === 'other')
            others.push(`${kind} read #${i}`);
          if (outcome(() => scanPickle(bytes, { limits })) === 'other')
            others.push(`${kind} scan #${i}`);
        }
      }
      expect(others).toEqual([]);
    });
  }
});
