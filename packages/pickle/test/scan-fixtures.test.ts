import { SkopsError } from '@skops-ts/core';
import { describe, expect, it } from 'vitest';
import { scanPickle } from '@skops-ts/pickle';
import { pickleFixtures } from './fixtures.js';

const cases = pickleFixtures();

describe('scanPickle on the fixture corpus', () => {
  it('finds the pickle and joblib fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  for (const c of cases) {
    const s = c.sidecar;
    if (typeof s.scan_error === 'string') {
      it(`refuses ${c.dir}/${c.name} with a typed error, as the sidecar's scan_error says`, () => {
        let caught: unknown;
        try {
          scanPickle(c.bytes);
        } catch (e) {
          caught = e;
        }
        expect(SkopsError.isInstance(caught)).toBe(true);
        expect((caught as SkopsError).code).toBe('INVALID_DATA');
      });
      continue;
    }
    it(`scans ${c.dir}/${c.name} exactly as the sidecar says`, () => {
      const scan = scanPickle(c.bytes);
      expect(scan.globals).toEqual(s.globals);
      expect(scan.opcodes).toEqual(s.opcodes);
      if ('globals_py3' in s) expect(scan.globalsPy3).toEqual(s.globals_py3);
      if ('pickle_protocol' in s) expect(scan.protocol).toBe(s.pickle_protocol);
      if ('compression' in s) expect(scan.compression).toBe(s.compression);
      if ('max_mark_depth' in s) expect(scan.maxMarkDepth).toBe(s.max_mark_depth);
      expect(scan.extensionCodes).toEqual(s.extension_codes ?? []);
      expect(scan.persistentIds).toBe(s.persistent_ids ?? 0);
    });
  }
});
