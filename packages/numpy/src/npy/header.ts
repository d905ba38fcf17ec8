import { SkopsError } from '@skops-ts/core';
import type { DType } from '../dtype/dtype.js';
import { descrToDType, dtypeToDescr } from './descr.js';
import { parsePyLiteral } from './py-literal.js';
import { pyRepr } from './py-repr.js';

/** What a `.npy` header declares. */
export interface NpyHeader {
  readonly dtype: DType;
  readonly fortranOrder: boolean;
  readonly shape: readonly number[];
}

/** numpy leaves room for the first (or, in Fortran order, last) dimension to grow to 21 digits. */
const GROWTH_AXIS_MAX_DIGITS = 21;

function invalid(message: string): SkopsError {
  return new SkopsError('INVALID_DATA', `Invalid .npy header: ${message}`);
}

/** Reads the header dict numpy writes: exactly the keys `descr`, `fortran_order`, `shape`. */
export function parseHeaderText(text: string): NpyHeader {
  const lit = parsePyLiteral(text);
  if (lit.kind !== 'dict') throw invalid('the header is not a dict.');
  const values = new Map<string, (typeof lit.entries)[number][1]>();
  for (const [k, v] of lit.entries) {
    if (k.kind !== 'str') throw invalid('header keys must be strings.');
    values.set(k.value, v);
  }
  const keys = [...values.keys()].sort();
  if (keys.join(',') !== 'descr,fortran_order,shape' || lit.entries.length !== 3) {
    throw invalid(`the keys must be descr, fortran_order and shape, got ${keys.join(', ')}.`);
  }
  const fortran = values.get('fortran_order');
  if (fortran?.kind !== 'bool') throw invalid('fortran_order must be True or False.');
  const shapeLit = values.get('shape');
  if (shapeLit?.kind !== 'tuple') throw invalid('shape must be a tuple.');
  const shape = shapeLit.items.map((d) => {
    if (d.kind !== 'int' || d.value < 0n || d.value > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw invalid('shape must hold non-negative integers.');
    }
    return Number(d.value);
  });
  const descr = values.get('descr');
  if (!descr) throw invalid('descr is missing.');
  return { dtype: descrToDType(descr), fortranOrder: fortran.value, shape };
}

/** The header dict text exactly as `numpy.save` writes it, before padding. */
export function formatHeaderText(header: NpyHeader): string {
  const { shape, fortranOrder } = header;
  let text =
    `{'descr': ${pyRepr(dtypeToDescr(header.dtype))}, ` +
    `'fortran_order': ${pyRepr(fortranOrder)}, ` +
    `'shape': ${pyRepr({ tuple: shape })}, }`;
  if (shape.length > 0) {
    const growth = shape[fortranOrder ? shape.length - 1 : 0] ?? 0;
    text += ' '.repeat(Math.max(GROWTH_AXIS_MAX_DIGITS - String(growth).length, 0));
  }
  return text;
}
