import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Description } from '@skops-ts/core';
import { MaskedArray, NDArray, NpScalar, numpyPlugin, readNpy } from '@skops-ts/numpy';
import { skopsFiles, sidecar, unzip } from './helpers.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON text with sorted keys, so that descriptions compare as JSON values. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Every sub-description of a sidecar's `describe`, as canonical text. */
function allDescriptions(value: Json, out = new Set<string>()): Set<string> {
  out.add(canonical(value));
  if (Array.isArray(value)) value.forEach((v) => allDescriptions(v, out));
  else if (value && typeof value === 'object')
    Object.values(value).forEach((v) => allDescriptions(v, out));
  return out;
}

const describeWith = (value: unknown): Description => {
  for (const d of numpyPlugin.describers ?? []) {
    if (d.test(value)) return d.describe(value, { describe: describeWith, env: undefined });
  }
  throw new Error(`no numpy describer for ${String(value)}`);
};

function arrayOf(node: Record<string, Json>, members: Map<string, Uint8Array>): NDArray | NpScalar {
  const bytes = members.get(node.file as string);
  if (!bytes) throw new Error(`missing member ${String(node.file)}`);
  const array = readNpy(bytes);
  if (node.__class__ === 'ndarray') return array;
  if (node.__class__ === 'matrix')
    return array.ndim === 2
      ? new NDArray({
          dtype: array.dtype,
          shape: array.shape,
          buffer: array.buffer,
          offset: array.offset,
          strides: array.strides,
          className: 'numpy.matrix',
        })
      : array.reshape([1, array.size], 'numpy.matrix');
  return new NpScalar(node.__class__ as string, array);
}

/** Descriptions this package gives for the arrays, scalars, dtypes and masked arrays of a schema. */
function* numpyDescriptions(node: Json, members: Map<string, Uint8Array>): Generator<Description> {
  if (Array.isArray(node)) {
    for (const item of node) yield* numpyDescriptions(item, members);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const loader = node.__loader__;
  if (loader === 'NdArrayNode' && node.type === 'numpy') {
    yield describeWith(arrayOf(node, members));
    return;
  }
  const content = node.content as Record<string, Json> | undefined;
  const isNpy = (n: Json | undefined): n is Record<string, Json> =>
    !!n &&
    typeof n === 'object' &&
    !Array.isArray(n) &&
    n.__loader__ === 'NdArrayNode' &&
    n.type === 'numpy';
  if (loader === 'DTypeNode' && isNpy(content)) {
    yield describeWith(arrayOf(content, members).dtype);
    return;
  }
  if (loader === 'MaskedArrayNode' && content && isNpy(content.data) && isNpy(content.mask)) {
    const parts = [content.data, content.mask].map((p) => {
      const a = arrayOf(p as Record<string, Json>, members);
      return NpScalar.is(a) ? a.array : a;
    });
    yield describeWith(new MaskedArray(parts[0] as NDArray, parts[1]));
    return;
  }
  // A scipy sparse array is described by its dense form (rule 12), not by its member arrays.
  if (typeof node.__module__ === 'string' && node.__module__.startsWith('scipy.sparse')) return;
  if (loader === 'RandomGeneratorNode' && content) {
    // The seed sequence does not enter a Generator's description.
    yield* numpyDescriptions(content.bit_generator ?? null, members);
    return;
  }
  for (const value of Object.values(node)) yield* numpyDescriptions(value, members);
}

describe.each(['skops', 'skops-modern', 'old-protocols', 'realworld'])(
  'describe of the %s corpus',
  (corpus) => {
    it('gives, for every array, scalar, dtype and masked array of a file, a description the sidecar contains', async () => {
      let checked = 0;
      for (const file of skopsFiles(corpus)) {
        const expected = sidecar(file).describe as Json | undefined;
        if (expected === undefined) continue;
        const members = await unzip(file);
        const known = allDescriptions(expected);
        const schema = JSON.parse(new TextDecoder().decode(members.get('schema.json'))) as Json;
        for (const d of numpyDescriptions(schema, members)) {
          expect(known.has(canonical(d)), `${path.basename(file)}: ${canonical(d)}`).toBe(true);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);
      console.info(`${corpus}: ${checked} numpy descriptions matched`);
    });
  },
);
