import { SkopsError } from '@skops-ts/core';
import { DType } from '../dtype/dtype.js';
import type { PyLiteral } from './py-literal.js';
import type { PyReprValue } from './py-repr.js';

function invalid(message: string): SkopsError {
  return new SkopsError('INVALID_DATA', `Invalid .npy header: ${message}`);
}

function shapeOf(lit: PyLiteral): number[] {
  const items = lit.kind === 'tuple' ? lit.items : lit.kind === 'int' ? [lit] : null;
  if (!items) throw invalid('a sub-array shape must be a tuple of ints.');
  return items.map((d) => {
    if (d.kind !== 'int' || d.value < 0n || d.value > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw invalid('a sub-array shape must hold non-negative ints.');
    }
    return Number(d.value);
  });
}

/**
 * numpy's `descr_to_dtype`: a type string, a `(descr, shape)` tuple, or a
 * list of `(name, descr[, shape])` fields. Unnamed void entries (`('', '|V7')`)
 * are padding: they move the next offset but are not fields.
 */
export function descrToDType(lit: PyLiteral): DType {
  if (lit.kind === 'str') return DType.parse(lit.value);
  if (lit.kind === 'tuple') {
    const [base, shape] = lit.items;
    if (lit.items.length !== 2 || !base || !shape)
      throw invalid('a dtype tuple must be (descr, shape).');
    return DType.subarrayOf(descrToDType(base), shapeOf(shape));
  }
  if (lit.kind !== 'list') throw invalid('descr must be a string or a list of fields.');
  const fields: { name: string; title: string | null; dtype: DType; offset: number }[] = [];
  let offset = 0;
  for (const entry of lit.items) {
    if (entry.kind !== 'tuple' || entry.items.length < 2 || entry.items.length > 3) {
      throw invalid('a structured field must be a (name, descr) or (name, descr, shape) tuple.');
    }
    const [nameLit, typeLit, shapeLit] = entry.items as [
      PyLiteral,
      PyLiteral,
      PyLiteral | undefined,
    ];
    let dtype = descrToDType(typeLit);
    if (shapeLit) dtype = DType.subarrayOf(dtype, shapeOf(shapeLit));
    let name: string;
    let title: string | null = null;
    if (nameLit.kind === 'str') {
      name = nameLit.value;
    } else if (
      nameLit.kind === 'tuple' &&
      nameLit.items.length === 2 &&
      nameLit.items[0]?.kind === 'str' &&
      nameLit.items[1]?.kind === 'str'
    ) {
      title = nameLit.items[0].value;
      name = nameLit.items[1].value;
    } else {
      throw invalid('a field name must be a string or a (title, name) pair.');
    }
    const isPadding =
      nameLit.kind === 'str' && name === '' && dtype.kind === 'V' && dtype.fields === null;
    if (!isPadding) fields.push({ name, title, dtype, offset });
    offset += dtype.itemsize;
    if (!Number.isSafeInteger(offset)) throw invalid('the structured dtype is too large.');
  }
  return DType.structured(fields, offset);
}

function fieldName(f: { name: string; title: string | null }): PyReprValue {
  return f.title === null ? f.name : { tuple: [f.title, f.name] };
}

/**
 * numpy's `dtype_to_descr` (`dtype.descr` for structured dtypes, with
 * `('', '|Vn')` entries for gaps and trailing padding; `dtype.str` otherwise).
 */
export function dtypeToDescr(dtype: DType): PyReprValue {
  if (dtype.subarray)
    return { tuple: [dtypeToDescr(dtype.subarray.base), { tuple: dtype.subarray.shape }] };
  if (!dtype.fields) return dtype.str;
  const out: PyReprValue[] = [];
  let offset = 0;
  for (const f of dtype.fields) {
    if (f.offset > offset) {
      out.push({ tuple: ['', `|V${f.offset - offset}`] });
      offset = f.offset;
    } else if (f.offset < offset) {
      throw new SkopsError(
        'UNSUPPORTED_VALUE',
        'numpy cannot write a structured dtype with overlapping or out-of-order fields to .npy.',
      );
    }
    const sub = f.dtype.subarray;
    out.push(
      sub
        ? { tuple: [fieldName(f), dtypeToDescr(sub.base), { tuple: sub.shape }] }
        : { tuple: [fieldName(f), dtypeToDescr(f.dtype)] },
    );
    offset += f.dtype.itemsize;
  }
  if (dtype.itemsize > offset) out.push({ tuple: ['', `|V${dtype.itemsize - offset}`] });
  return out;
}
