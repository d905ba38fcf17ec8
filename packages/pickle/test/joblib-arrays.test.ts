import { describe, expect, it } from 'vitest';
import { readJoblib, scanPickle } from '@skops-ts/pickle';
import { pickleFixtures } from './fixtures.js';

interface SidecarArray {
  shape: number[];
  dtype: unknown;
  order: string;
  offset: number;
  padding?: number;
  nbytes?: number;
  end: number;
  embedded_pickle?: boolean;
}

const joblibCases = pickleFixtures().filter((c) => Array.isArray(c.sidecar.joblib_arrays));

describe('joblib arrays', () => {
  it('has joblib fixtures with array tables', () => {
    expect(joblibCases.length).toBeGreaterThanOrEqual(8);
  });

  for (const c of joblibCases) {
    it(`finds every array of ${c.name} at the sidecar's offsets`, () => {
      const graph = readJoblib(c.bytes);
      const expected = c.sidecar.joblib_arrays as SidecarArray[];
      expect(graph.arrays.map((a) => a.offset)).toEqual(expected.map((e) => e.offset));
      graph.arrays.forEach((a, i) => {
        const e = expected[i]!;
        expect(a.shape).toEqual(e.shape);
        expect(a.order).toBe(e.order);
        expect(a.end).toBe(e.end);
        // Structured dtypes come as a descr list; this package only sizes them (the numpy plugin models them).
        if (typeof e.dtype === 'string' && e.dtype.startsWith('['))
          expect(a.dtype.str).toMatch(/^\|V\d+$/);
        else expect(a.dtype.str).toBe(e.dtype);
        if (e.embedded_pickle) {
          expect(a.isObjectArray).toBe(true);
        } else {
          expect(a.padding).toBe(e.padding);
          expect(a.nbytes).toBe(e.nbytes);
          expect(a.data?.length).toBe(e.nbytes);
        }
      });
    });
  }

  it('refuses a joblib array whose data is cut short before reading it', () => {
    const c = joblibCases.find((k) => k.sidecar.compression === 'none')!;
    const first = (c.sidecar.joblib_arrays as SidecarArray[]).find(
      (a) => !a.embedded_pickle && (a.nbytes ?? 0) > 8,
    )!;
    const cut = c.bytes.slice(0, first.end - 4);
    expect(() => scanPickle(cut)).toThrowError(/truncated: joblib array data/);
  });
});
