import { describe, expect, it } from 'vitest';
import {
  describe as describeValue,
  dumps,
  getUntrustedTypes,
  loads,
  PyDict,
  PySet,
  PySlice,
  PyTuple,
} from '@skops-ts/core';
import { codeOf } from './helpers.js';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';

async function schemaOf(file: Uint8Array): Promise<Record<string, unknown>> {
  const zip = await JSZip.loadAsync(file);
  return JSON.parse(await zip.file('schema.json')!.async('string')) as Record<string, unknown>;
}

describe('dumps', () => {
  it('writes protocol 2 with schema.json last, readable by another zip reader', async () => {
    const file = await dumps([1n, 2.5, 'x']);
    const zip = await JSZip.loadAsync(file);
    expect(Object.keys(zip.files).at(-1)).toBe('schema.json');
    expect((await schemaOf(file)).protocol).toBe(2);
  });

  it('maps JavaScript values to the Python values the value model documents', async () => {
    const value = {
      int: 3n,
      float: 3,
      str: 's',
      none: null,
      bool: true,
      bytes: new Uint8Array([0, 255]),
      list: [1n],
      map: new Map<unknown, unknown>([[1n, 'a']]),
    };
    const back = await loads(await dumps(value));
    expect(describeValue(back)).toEqual({
      dict: [
        [{ str: 'int' }, { int: '3' }],
        [{ str: 'float' }, { float: 3 }],
        [{ str: 'str' }, { str: 's' }],
        [{ str: 'none' }, null],
        [{ str: 'bool' }, true],
        [
          { str: 'bytes' },
          {
            bytes: {
              len: 2,
              sha256: createHash('sha256')
                .update(Uint8Array.from([0, 255]))
                .digest('hex'),
            },
          },
        ],
        [{ str: 'list' }, { list: [{ int: '1' }] }],
        [{ str: 'map' }, { dict: [[{ int: '1' }, { str: 'a' }]] }],
      ],
    });
  });

  it('writes a float as a float even when it is integral, and keeps -0.0 and NaN', async () => {
    const schema = await schemaOf(await dumps([2, -0, NaN, 1e16]));
    const contents = (schema.content as { content: string }[]).map((n) => n.content);
    expect(contents).toEqual(['2.0', '-0.0', 'NaN', '1e+16']);
  });

  it('keeps __proto__ keys as data in both directions', async () => {
    const value = JSON.parse('{"__proto__": {"polluted": 1}, "constructor": 2}') as Record<
      string,
      unknown
    >;
    const back = (await loads(await dumps(value))) as PyDict;
    expect([...back.keys()]).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives an object dumped twice one __id__ and one member', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const file = await dumps([bytes, bytes]);
    const zip = await JSZip.loadAsync(file);
    expect(Object.keys(zip.files).filter((n) => n.endsWith('.bin'))).toHaveLength(1);
    const [a, b] = (await loads(file)) as Uint8Array[];
    expect(a).toBe(b);
  });

  it('keeps tuples, sets and dict key types through a round trip', async () => {
    const value = new PyDict<unknown>([
      [1n, new PyTuple(['a'])],
      [2.5, new PySet([1n])],
      [true, null],
    ]);
    const back = await loads(await dumps(value));
    expect(describeValue(back)).toEqual(describeValue(value));
  });

  it('refuses values it cannot represent, with a typed error', async () => {
    expect(await codeOf(dumps({ f: () => 1 }))).toBe('UNSUPPORTED_VALUE');
    expect(await codeOf(dumps([undefined]))).toBe('UNSUPPORTED_VALUE');
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(await codeOf(dumps(cyclic))).toBe('CYCLE');
    expect(await codeOf(dumps(new Map([[new PyTuple([]), 1n]])))).toBe('UNSUPPORTED_VALUE');
  });

  it('writes files that audit as clean as Python writes them', async () => {
    expect(
      await getUntrustedTypes(await dumps(new PyDict([['a', [1n, new PyTuple([])]]]))),
    ).toEqual([]);
  });
});

describe('non-finite floats in schema.json', () => {
  it('loads a slice with NaN and infinite bounds again, as Python json writes and reads them (found by fuzzing)', async () => {
    const file = await dumps(
      new PySlice(Number.NEGATIVE_INFINITY, Number.NaN, Number.POSITIVE_INFINITY),
    );
    const text = new TextDecoder().decode(
      await (await JSZip.loadAsync(file)).file('schema.json')!.async('uint8array'),
    );
    expect(text).toContain('"stop": NaN');
    const back = (await loads(file)) as PySlice;
    expect([back.start, back.stop, back.step]).toEqual([
      Number.NEGATIVE_INFINITY,
      Number.NaN,
      Number.POSITIVE_INFINITY,
    ]);
  });
});
