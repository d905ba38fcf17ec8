import { SkopsError } from '@skops-ts/core';
import { describe, expect, it } from 'vitest';
import { measureGraph, pathsOf, readPickle, scanPickle } from '@skops-ts/pickle';
import { pickleFixtures } from './fixtures.js';
import { le, pickle } from './bytes.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    expect(SkopsError.isInstance(e)).toBe(true);
    return (e as SkopsError).code;
  }
  return undefined;
}

const N = 100_000;

describe('limits', () => {
  it('refuses 100,000 nested lists with LIMIT_EXCEEDED, not a stack overflow', () => {
    const bytes = pickle(0x80, 4, new Array(N).fill(0x5d), new Array(N - 1).fill(0x61), 0x2e);
    expect(codeOf(() => readPickle(bytes))).toBe('LIMIT_EXCEEDED');
  });

  it('reads and walks 100,000 nested lists iteratively when the depth limit allows it', () => {
    const bytes = pickle(0x80, 4, new Array(N).fill(0x5d), new Array(N - 1).fill(0x61), 0x2e);
    const graph = readPickle(bytes, { limits: { maxDepth: 2 * N } });
    expect(graph.measure.depth).toBe(N);
    expect(pathsOf(graph.root).size).toBe(N);
  });

  it('refuses 100,000 open MARKs with LIMIT_EXCEEDED', () => {
    const bytes = pickle(0x80, 4, new Array(N).fill(0x28), 0x4e, 0x2e);
    expect(codeOf(() => readPickle(bytes))).toBe('LIMIT_EXCEEDED');
    expect(codeOf(() => scanPickle(bytes))).toBe('LIMIT_EXCEEDED');
  });

  it('sizes the billion-laughs fixture without expanding it, then refuses it', () => {
    const c = pickleFixtures().find((k) => k.name === 'pickle_billion_laughs')!;
    expect(codeOf(() => readPickle(c.bytes))).toBe('LIMIT_EXCEEDED');
    const graph = readPickle(c.bytes, { limits: { maxNodes: 2e9 } });
    expect(graph.objectCount).toBeLessThan(1000);
    expect(graph.measure.expandedNodes).toBeGreaterThan(1e9);
    expect(pathsOf(graph.root).size).toBeLessThan(1000);
  });

  it('stops a memo-and-DUP chain before it passes maxNodes objects', () => {
    // EMPTY_LIST, MEMOIZE, then (BINGET 0, APPEND) forever: each append adds a reference, not an object.
    const body: number[] = [];
    for (let i = 0; i < 5000; i++) body.push(0x5d);
    const bytes = pickle(0x80, 4, body, 0x2e);
    expect(codeOf(() => readPickle(bytes, { limits: { maxNodes: 1000 } }))).toBe('LIMIT_EXCEEDED');
  });

  it.each([
    ['BINBYTES8', pickle(0x80, 4, 0x8e, le(2n ** 40n, 8), 0x2e)],
    ['BINUNICODE8', pickle(0x80, 4, 0x8d, le(2n ** 40n, 8), 0x2e)],
    ['BYTEARRAY8', pickle(0x80, 5, 0x96, le(2n ** 40n, 8), 0x2e)],
    ['LONG4', pickle(0x80, 2, 0x8b, le(2 ** 31 - 1, 4), 0x2e)],
    ['BINSTRING', pickle(0x54, le(2 ** 31 - 1, 4), 0x2e)],
    ['FRAME', pickle(0x80, 4, 0x95, le(2n ** 40n, 8), 0x4e, 0x2e)],
  ])('refuses a %s length larger than the stream before allocating', (_name, bytes) => {
    let caught: unknown;
    try {
      readPickle(bytes);
    } catch (e) {
      caught = e;
    }
    expect(SkopsError.isInstance(caught)).toBe(true);
    expect((caught as SkopsError).code).toBe('INVALID_DATA');
    expect((caught as Error).message).toMatch(
      /truncated: .* needs \d+ bytes but only \d+ remain \(at byte \d+\)/,
    );
  });

  it('gives the byte offset of an undefined memo key and of a stack underflow', () => {
    expect(() => readPickle(pickle(0x80, 4, 0x68, 7, 0x2e))).toThrowError(
      /memo key 7 not defined \(at byte 2\)/,
    );
    expect(() => readPickle(pickle(0x80, 4, 0x4e, 0x86, 0x2e))).toThrowError(
      /stack underflow.*\(at byte 3\)/,
    );
    expect(() => readPickle(pickle(0x80, 4, 0xff))).toThrowError(
      /unknown opcode 0xff \(at byte 2\)/,
    );
  });

  it('measures a cyclic list without looping', () => {
    // EMPTY_LIST, MEMOIZE, BINGET 0, APPEND: l = []; l.append(l)
    const graph = readPickle(pickle(0x80, 4, 0x5d, 0x94, 0x68, 0, 0x61, 0x2e));
    expect(graph.measure.hasCycles).toBe(true);
    const root = graph.root as unknown[];
    expect(root[0]).toBe(root);
    expect(measureGraph(root, { maxDepth: 10, maxNodes: 10 }).objects).toBe(1);
  });
});
