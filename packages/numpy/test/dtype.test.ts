import { describe, expect, it } from 'vitest';
import { DType, NpScalar, SCALAR_TYPES, readNpy, writeNpy, NDArray } from '@skops-ts/numpy';

describe('dtype strings', () => {
  it('print as numpy prints dtype.str', () => {
    const cases: [string, string][] = [
      ['|b1', '|b1'],
      ['<b1', '|b1'],
      ['i1', '|i1'],
      ['>u1', '|u1'],
      ['<i2', '<i2'],
      ['=i8', '<i8'],
      ['i8', '<i8'],
      ['>i4', '>i4'],
      ['<u8', '<u8'],
      ['<f2', '<f2'],
      ['|f8', '<f8'],
      ['<f16', '<f16'],
      ['<c8', '<c8'],
      ['<c32', '<c32'],
      ['<U5', '<U5'],
      ['>U1', '>U1'],
      ['|S3', '|S3'],
      ['<S3', '|S3'],
      ['|V3', '|V3'],
      ['<M8[ns]', '<M8[ns]'],
      ['<m8[s]', '<m8[s]'],
      ['>M8[25s]', '>M8[25s]'],
      ['<M8', '<M8'],
    ];
    for (const [input, str] of cases) expect(DType.parse(input).str, input).toBe(str);
    expect(DType.parse('<U5').itemsize).toBe(20);
  });

  it('refuses what numpy has no type for', () => {
    for (const bad of [
      '<i3',
      '<f12',
      '<c4',
      '<M4',
      '<f8[ns]',
      '<M8[parsec]',
      'O',
      '|O8',
      'float64',
      '',
    ]) {
      expect(() => DType.parse(bad), bad).toThrow();
    }
  });

  it('gives every table row a typed array of the item size, or raw bytes', () => {
    for (const t of SCALAR_TYPES) {
      if (!t.typedArray || t.itemsize === 0) continue;
      const perItem = t.itemsize / t.typedArray.BYTES_PER_ELEMENT;
      expect(perItem === 1 || (t.kind === 'c' && perItem === 2), `${t.kind}${t.itemsize}`).toBe(
        true,
      );
    }
  });
});

describe('structured dtypes', () => {
  it('read the unnamed trailing padding of scikit-learn >= 1.3 tree nodes as itemsize, not as a field', () => {
    const header =
      "{'descr': [('left_child', '<i8'), ('right_child', '<i8'), ('feature', '<i8'), ('threshold', '<f8'), " +
      "('impurity', '<f8'), ('n_node_samples', '<i8'), ('weighted_n_node_samples', '<f8'), " +
      "('missing_go_to_left', '|u1'), ('', '|V7')], 'fortran_order': False, 'shape': (0,), }";
    let text = header;
    while ((10 + text.length + 1) % 64) text += ' ';
    const bytes = new Uint8Array([
      0x93,
      0x4e,
      0x55,
      0x4d,
      0x50,
      0x59,
      1,
      0,
      (text.length + 1) & 0xff,
      (text.length + 1) >> 8,
      ...new TextEncoder().encode(`${text}\n`),
    ]);
    const array = readNpy(bytes);
    expect(array.dtype.itemsize).toBe(64);
    expect(array.dtype.names).toEqual([
      'left_child',
      'right_child',
      'feature',
      'threshold',
      'impurity',
      'n_node_samples',
      'weighted_n_node_samples',
      'missing_go_to_left',
    ]);
    expect(array.dtype.field('missing_go_to_left').offset).toBe(56);
    expect(
      new TextDecoder()
        .decode(writeNpy(array))
        .includes("('missing_go_to_left', '|u1'), ('', '|V7')]"),
    ).toBe(true);
  });

  it('write gaps between fields as unnamed padding, as dtype.descr does', () => {
    const dt = DType.structured(
      [
        { name: 'a', dtype: DType.parse('|i1') },
        { name: 'b', dtype: DType.parse('<f8'), offset: 8 },
      ],
      16,
    );
    const text = new TextDecoder().decode(
      writeNpy(new NDArray({ dtype: dt, shape: [0], buffer: new Uint8Array() })),
    );
    expect(text).toContain("'descr': [('a', '|i1'), ('', '|V7'), ('b', '<f8')]");
    expect(dt.str).toBe('|V16');
  });

  it('refuse repeated field names', () => {
    expect(() =>
      DType.structured([
        { name: 'a', dtype: DType.parse('<i4') },
        { name: 'a', dtype: DType.parse('<i4') },
      ]),
    ).toThrow();
  });
});

describe('numpy scalars', () => {
  it('check that the class fits the dtype', () => {
    expect(NpScalar.of('float64', 1.5).dtype.str).toBe('<f8');
    expect(NpScalar.of('longdouble', 1.5).dtype.str).toBe('<f16');
    expect(NpScalar.of('str_', 'héllo').dtype.str).toBe('<U5');
    expect(() => new NpScalar('float32', NDArray.fromValues('<f8', [1], []))).toThrow(/float32/);
    expect(() => new NpScalar('float64', NDArray.fromValues('<f8', [1, 2]))).toThrow();
    expect(() => NpScalar.of('not_a_type', 1)).toThrow();
  });
});
