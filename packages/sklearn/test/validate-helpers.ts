import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_LIMITS,
  PyDict,
  PyObject,
  PyTuple,
  SkopsError,
  dumps,
  loads,
  memorySource,
  openArchive,
} from '@skops-ts/core';
import { NDArray } from '@skops-ts/numpy';
import { FIXTURES, PLUGINS, envOf, fixturePath, sidecar } from './fixtures.js';

const FOLDERS = ['skops', 'skops-modern', 'old-protocols', 'realworld'];

/** A fixture to load: its folder and name. */
export interface FixtureCase {
  readonly folder: string;
  readonly name: string;
}

/** Every fixture whose schema.json names one of `classes` as a node's `__class__` (found by reading the archives, not by file name). */
export async function fixturesNaming(classes: readonly string[]): Promise<FixtureCase[]> {
  const found: FixtureCase[] = [];
  for (const folder of FOLDERS) {
    let files: string[];
    try {
      files = readdirSync(join(FIXTURES, folder))
        .filter((f) => f.endsWith('.skops'))
        .sort();
    } catch {
      continue;
    }
    for (const file of files) {
      const archive = await openArchive(memorySource(readFileSync(join(FIXTURES, folder, file))), {
        limits: DEFAULT_LIMITS,
      });
      const schema = new TextDecoder().decode(await archive.read('schema.json'));
      await archive.close();
      if (classes.some((c) => schema.includes(`"__class__": "${c}"`)))
        found.push({ folder, name: file.replace(/\.skops$/, '') });
    }
  }
  return found;
}

/** A fixture loaded as its sidecar says Python loads it, with the options to reload a changed copy. */
export async function loadCase(
  c: FixtureCase,
): Promise<{ model: unknown; reload: (value: unknown) => Promise<unknown> }> {
  const s = sidecar(c.folder, c.name);
  const options = { plugins: PLUGINS, pythonEnv: envOf(s), trusted: s.untrusted_types ?? [] };
  const model = await loads(readFileSync(fixturePath(c.folder, `${c.name}.skops`)), options);
  return {
    model,
    reload: async (value) => loads(await dumps(value, { plugins: PLUGINS }), options),
  };
}

/** Every PyObject of one of `classes` (short class names) inside a loaded value, in walk order. */
export function objectsOf(value: unknown, classes: readonly string[]): PyObject[] {
  const out: PyObject[] = [];
  const seen = new Set<unknown>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    if (PyObject.is(v)) {
      if (classes.includes(v.name)) out.push(v);
      stack.push(v.state);
    } else if (PyTuple.is(v)) stack.push(...v.items);
    else if (PyDict.is(v)) stack.push(...v.values());
    else if (Array.isArray(v)) stack.push(...(v as unknown[]));
  }
  return out;
}

/** A copy of a 1-D structured array with one field of one record overwritten. */
export function withField(
  records: NDArray,
  index: number,
  name: string,
  value: number | bigint,
): NDArray {
  const buffer = records.bytes().slice();
  const field = records.dtype.field(name);
  if (field.dtype.byteOrder === '>')
    throw new Error('test helper writes little-endian fields only');
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const at = index * records.dtype.itemsize + field.offset;
  const { kind, itemsize } = field.dtype;
  if (kind === 'f') view.setFloat64(at, Number(value), true);
  else if (itemsize === 8) view.setBigInt64(at, BigInt(value), true);
  else if (itemsize === 4) view.setUint32(at, Number(value), true);
  else view.setUint8(at, Number(value));
  return new NDArray({ dtype: records.dtype, shape: records.shape, buffer });
}

/** One record field as a number. */
export function fieldAt(records: NDArray, index: number, name: string): number {
  return Number(records.field(name).get(index) as number | bigint);
}

/** A copy of a dict with some entries replaced. */
export function dictWith(dict: PyDict, changes: Readonly<Record<string, unknown>>): PyDict {
  return new PyDict(
    [...dict.entries()].map(
      ([k, v]) => [k, typeof k === 'string' && Object.hasOwn(changes, k) ? changes[k] : v] as const,
    ),
  );
}

/** The SkopsError a promise rejects with (any other outcome fails the test). */
export async function refusal(work: Promise<unknown>): Promise<SkopsError> {
  try {
    await work;
  } catch (error) {
    if (SkopsError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the load to be refused');
}
