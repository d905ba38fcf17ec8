import JSZip from 'jszip';
import { describe as group, expect, it } from 'vitest';
import { dumps, getUntrustedTypes, loads } from '@skops-ts/core';
import { DType, NDArray, NpScalar, numpyPlugin } from '@skops-ts/numpy';

const plugins = [numpyPlugin];
const numpy1 = { numpy: '1.24.2', sklearn: '1.2.1', scipy: '1.10.1' };

interface SchemaNode {
  readonly __class__?: string;
  readonly __module__?: string;
  readonly __loader__?: string;
  readonly file?: string;
  readonly type?: string;
  readonly content?: unknown;
  readonly shape?: SchemaNode;
}

async function schemaOf(data: Uint8Array): Promise<{ zip: JSZip; schema: SchemaNode }> {
  const zip = await JSZip.loadAsync(data);
  const text = (await zip.file('schema.json')?.async('string')) ?? '';
  return { zip, schema: JSON.parse(text) as SchemaNode };
}

group('numpy.bytes_ scalars', () => {
  // 'ab' in a |S4 scalar: numpy.bytes_ drops the trailing NULs, so the value is b'ab'.
  const scalar = (): NpScalar =>
    new NpScalar(
      'bytes_',
      new NDArray({ dtype: DType.parse('|S4'), shape: [], buffer: new Uint8Array([97, 98, 0, 0]) }),
    );

  it('are saved as Python skops saves a bytes subclass: a BytesNode of class numpy.bytes_ with a .bin member', async () => {
    const { zip, schema } = await schemaOf(await dumps(scalar(), { plugins }));
    expect([schema.__module__, schema.__class__, schema.__loader__]).toEqual([
      'numpy',
      'bytes_',
      'BytesNode',
    ]);
    expect(schema.file).toMatch(/\.bin$/);
    const member = await zip.file(schema.file ?? '')?.async('uint8array');
    expect(Array.from(member ?? [])).toEqual([97, 98]);
  });

  it('are reported as numpy.bytes_ by the audit, since a BytesNode trusts only builtins.bytes', async () => {
    const data = await dumps([scalar()], { plugins });
    expect(await getUntrustedTypes(data, { plugins, pythonEnv: numpy1 })).toEqual(['numpy.bytes_']);
  });

  it('load back as plain bytes, as in Python skops', async () => {
    const data = await dumps(scalar(), { plugins });
    const back = await loads(data, { plugins, pythonEnv: numpy1, trusted: ['numpy.bytes_'] });
    expect(back).toBeInstanceOf(Uint8Array);
    expect(Array.from(back as Uint8Array)).toEqual([97, 98]);
  });
});

group("the object dtype (dtype('O'))", () => {
  it("prints as numpy's dtype.str and is not a .npy dtype", () => {
    expect(DType.object().str).toBe('|O');
    expect(DType.object().isObject).toBe(true);
    expect(() => DType.parse('|O')).toThrow(/object dtype/);
    expect(
      () => new NDArray({ dtype: DType.object(), shape: [0], buffer: new Uint8Array(0) }),
    ).toThrow(/NDObjectArray/);
  });

  it('is saved as a DTypeNode around an empty object array of shape (0,), as numpy.ndarray(0, object) is', async () => {
    const { zip, schema } = await schemaOf(await dumps(DType.object(), { plugins }));
    expect([schema.__class__, schema.__loader__]).toEqual(['dtype', 'DTypeNode']);
    const array = schema.content as SchemaNode;
    expect([array.__class__, array.__loader__, array.type, array.content]).toEqual([
      'ndarray',
      'NdArrayNode',
      'json',
      [],
    ]);
    expect(array.shape?.__loader__).toBe('TupleNode');
    expect(Object.keys(zip.files)).toEqual(['schema.json']);
  });

  it('loads back as the object dtype, with numpy.dtype the only untrusted type', async () => {
    const data = await dumps([DType.object(), DType.parse('<f8')], { plugins });
    expect(await getUntrustedTypes(data, { plugins, pythonEnv: numpy1 })).toEqual(['numpy.dtype']);
    const back = (await loads(data, {
      plugins,
      pythonEnv: numpy1,
      trusted: ['numpy.dtype'],
    })) as DType[];
    expect(back.map((d) => DType.is(d) && d.str)).toEqual(['|O', '<f8']);
    expect(back[0]?.equals(DType.object())).toBe(true);
  });

  it('cannot be a field or the base of a sub-array, which .npy cannot store without pickle', () => {
    expect(() => DType.structured([{ name: 'a', dtype: DType.object() }])).toThrow(/holds objects/);
    expect(() => DType.subarrayOf(DType.object(), [2])).toThrow(/objects/);
  });
});
