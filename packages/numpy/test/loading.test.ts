import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe as group, expect, it } from 'vitest';
import { PyDict, SkopsError, describe, dumps, getUntrustedTypes, loads } from '@skops-ts/core';
import {
  DType,
  Generator,
  MaskedArray,
  NDArray,
  NDObjectArray,
  NpScalar,
  RandomState,
  numpyPlugin,
} from '@skops-ts/numpy';
import { FIXTURES, sidecar } from './helpers.js';

const plugins = [numpyPlugin];
const fixture = (rel: string) => new Uint8Array(readFileSync(path.join(FIXTURES, rel)));
const numpy1 = { numpy: '1.24.2', sklearn: '1.2.1', scipy: '1.10.1' };

/** A copy of a skops file with its schema.json text changed. */
async function withSchema(data: Uint8Array, edit: (schema: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  const schema = await zip.file('schema.json')?.async('string');
  zip.file('schema.json', edit(schema ?? ''));
  return zip.generateAsync({ type: 'uint8array' });
}

async function errorOf(promise: Promise<unknown>): Promise<SkopsError> {
  try {
    await promise;
  } catch (error) {
    if (SkopsError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an error');
}

group('protocol-0 generators (skops 0.3 - 0.5)', () => {
  for (const tag of ['v0.3.0', 'v0.4.0', 'v0.5.0']) {
    it(`loads ${tag}__rng with its 128-bit state exact, as the writing release described it`, async () => {
      const file = `old-protocols/${tag}__rng.skops`;
      const expected = sidecar(path.join(FIXTURES, file)).describe_by_writer;
      expect(expected).toBeDefined();
      expect(await getUntrustedTypes(fixture(file), { plugins, pythonEnv: numpy1 })).toEqual([]);
      const value = await loads(fixture(file), { plugins, pythonEnv: numpy1 });
      expect(describe(value, { plugins })).toEqual(expected);
    });
  }
});

group('bit generator names', () => {
  const pcg = fixture('skops-modern/np_generator_pcg64.skops');
  const renamed = (name: string) =>
    withSchema(pcg, (s) => s.replace('"\\"PCG64\\""', JSON.stringify(JSON.stringify(name))));

  it('loads the Generator of a numpy 2 file with its seed sequence', async () => {
    const value = await loads(pcg, { plugins });
    expect(Generator.is(value)).toBe(true);
    const generator = value as Generator;
    expect(generator.bitGenerator).toBe('PCG64');
    expect(PyDict.is(generator.seedSeq)).toBe(true);
  });

  it("refuses a bit generator that is not numpy's own already in getUntrustedTypes", async () => {
    const error = await errorOf(getUntrustedTypes(await renamed('RandomState'), { plugins }));
    expect(error.code).toBe('UNSUPPORTED_VALUE');
    expect(error.message).toContain('RandomState');
  });

  it('refuses it at load even when every type is trusted', async () => {
    const error = await errorOf(
      loads(await renamed('os.system'), {
        plugins,
        trusted: ['numpy.random._generator.Generator', 'os.system'],
      }),
    );
    expect(error.code).toBe('UNSUPPORTED_VALUE');
  });
});

group('hostile .npy members', () => {
  const cases: [string, string][] = [
    ['skops_npy_header_code', 'INVALID_DATA'],
    ['skops_npy_huge_shape', 'LIMIT_EXCEEDED'],
    ['skops_npy_object_dtype_pickle', 'INVALID_DATA'],
    ['skops_npy_short_payload', 'INVALID_DATA'],
  ];
  for (const [name, code] of cases) {
    it(`refuses ${name} at load with ${code}`, async () => {
      const expectation = sidecar(path.join(FIXTURES, 'hostile', `${name}.skops`)).expect as Record<
        string,
        unknown
      >;
      expect(expectation.load_error).toBe(true);
      const data = fixture(`hostile/${name}.skops`);
      expect(await getUntrustedTypes(data, { plugins })).toEqual(expectation.untrusted);
      const error = await errorOf(loads(data, { plugins }));
      expect(error.code).toBe(code);
      expect(error.path).toBeDefined();
    });
  }

  it('reports the function inside an object array as untrusted', async () => {
    const file = 'hostile/skops_ndarray_json_with_function.skops';
    const expected = (sidecar(path.join(FIXTURES, file)).expect as Record<string, unknown>)
      .untrusted;
    expect(await getUntrustedTypes(fixture(file), { plugins })).toEqual(expected);
  });
});

group('dumping JavaScript values', () => {
  // New values get numpy 1.x class names (they construct on numpy 1 and 2 alike), trusted by default on numpy 1.
  const roundTrip = async (value: unknown) =>
    loads(await dumps(value, { plugins }), {
      plugins,
      pythonEnv: numpy1,
      trusted: ['numpy.dtype', 'numpy.matrix'],
    });

  it('dumps typed arrays as 1-D ndarrays, but not Uint8Array (Python bytes)', async () => {
    const back = (await roundTrip([
      new Float64Array([1.5, -2]),
      new BigInt64Array([3n]),
      new Uint8Array([1]),
    ])) as unknown[];
    expect(NDArray.is(back[0]) && (back[0] as NDArray).dtype.str).toBe('<f8');
    expect(Array.from((back[0] as NDArray).data as Float64Array)).toEqual([1.5, -2]);
    expect(NDArray.is(back[1]) && (back[1] as NDArray).dtype.str).toBe('<i8');
    expect(back[2]).toBeInstanceOf(Uint8Array);
  });

  it('keeps the class of numpy scalars, dtypes, masked arrays, matrices and object arrays', async () => {
    const masked = new MaskedArray(
      NDArray.fromValues('<i4', [1, 2, 3]),
      NDArray.fromValues('|b1', [false, true, false]),
    );
    const matrix = NDArray.fromValues('<f8', [
      [1, 2],
      [3, 4],
    ]).reshape([2, 2], 'numpy.matrix');
    const objects = NDObjectArray.fromNested([
      ['a', 1n],
      [null, 2.5],
    ]);
    const values = [
      NpScalar.of('float32', 0.5),
      NpScalar.of('bool_', true),
      DType.parse('>U3'),
      masked,
      matrix,
      objects,
    ];
    const back = (await roundTrip(values)) as unknown[];
    expect(describe(back, { plugins })).toEqual(describe(values, { plugins }));
    expect((back[0] as NpScalar).className).toBe('numpy.float32');
    expect((back[4] as NDArray).className).toBe('numpy.matrix');
    expect((back[5] as NDObjectArray).shape).toEqual([2, 2]);
  });

  it('writes a loaded RandomState back to the same description', async () => {
    const file = fixture('skops/np_random_state.skops');
    const value = await loads(file, { plugins, pythonEnv: numpy1 });
    expect(RandomState.is(value)).toBe(true);
    const again = await loads(await dumps(value, { plugins }), { plugins });
    expect(describe(again, { plugins })).toEqual(
      sidecar(path.join(FIXTURES, 'skops/np_random_state.skops')).describe,
    );
  });

  it('writes a protocol-0 generator as a protocol-2 node with an entropy-free seed sequence', async () => {
    const value = (await loads(fixture('old-protocols/v0.5.0__rng.skops'), { plugins })) as unknown;
    const again = await loads(await dumps(value, { plugins }), { plugins });
    expect(describe(again, { plugins })).toEqual(describe(value, { plugins }));
  });
});
