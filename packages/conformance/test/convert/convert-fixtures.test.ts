import { describe, expect, it } from 'vitest';
import { convertJoblib } from '@skops-ts/pickle';
import { RECOGNISERS, saveAndReload } from './convert-support.js';
import { pickleFixtures } from '../../../pickle/test/fixtures.js';

const cases = pickleFixtures().filter((f) => f.dir === 'pickle');

describe('converting the pickle corpus to skops', () => {
  it('finds the corpus', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  for (const c of cases) {
    const convertible = c.sidecar.convertible === true;
    const mayRefuse = c.sidecar.or_error === true;
    it(`${convertible ? 'converts' : 'refuses'} ${c.name} as Python skops would`, async () => {
      let value: unknown;
      try {
        value = convertJoblib(c.bytes, { recognisers: RECOGNISERS });
      } catch (error) {
        if (!convertible || mayRefuse) {
          expect((error as { code?: string }).code).toBeTypeOf('string');
          return;
        }
        throw error;
      }
      if (!convertible) {
        // Python skops cannot save the object; a value we produce must not save either.
        await expect(saveAndReload(value)).rejects.toMatchObject({ code: expect.any(String) });
        return;
      }
      const { untrusted, description } = await saveAndReload(value);
      expect(untrusted).toEqual(c.sidecar.skops_untrusted_types);
      expect(description).toEqual(c.sidecar.describe_skops ?? c.sidecar.describe);
    });
  }
});
