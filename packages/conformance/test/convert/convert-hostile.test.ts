import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertJoblib } from '@skops-ts/pickle';
import { RECOGNISERS, saveAndReload } from './convert-support.js';
import { pickleFixtures } from '../../../pickle/test/fixtures.js';

const cases = pickleFixtures().filter((f) => f.dir === 'hostile');
const MARKER = '/tmp/skops-pwned-marker';

interface Expect {
  readonly error?: boolean;
  readonly error_should_mention?: readonly string[];
  readonly untrusted?: readonly string[];
  readonly or_error?: boolean;
}

describe('converting hostile pickles', () => {
  it('finds every hostile pickle and joblib case', () => {
    expect(cases.length).toBeGreaterThanOrEqual(22);
  });

  for (const c of cases) {
    const expected = c.sidecar.expect as Expect;
    it(`${expected.error ? 'refuses' : 'converts or refuses'} ${c.name} without running it`, async () => {
      let value: unknown;
      let failure: unknown;
      try {
        value = convertJoblib(c.bytes, { recognisers: RECOGNISERS });
      } catch (error) {
        failure = error;
      }
      expect(existsSync(MARKER)).toBe(false);
      if (failure !== undefined) {
        expect(expected.error === true || expected.or_error === true).toBe(true);
        expect((failure as { code?: unknown }).code).toBeTypeOf('string');
        const mentions = expected.error_should_mention;
        if (mentions)
          expect(mentions.some((m) => String((failure as Error).message).includes(m))).toBe(true);
        return;
      }
      expect(expected.untrusted).toBeDefined();
      const { untrusted } = await saveAndReload(value);
      expect(untrusted).toEqual(expected.untrusted);
    });
  }
});
