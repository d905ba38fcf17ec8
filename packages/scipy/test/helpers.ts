import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PyDict, PyObject, PyTuple, type SkopsPlugin } from '@skops-ts/core';
import { numpyPlugin } from '@skops-ts/numpy';
import { scipyPlugin, SparseMatrix } from '@skops-ts/scipy';

export const FIXTURES = process.env.SKOPS_FIXTURES ?? path.resolve(__dirname, '../../../fixtures');
export const plugins: readonly SkopsPlugin[] = [numpyPlugin, scipyPlugin];

export interface Case {
  readonly name: string;
  readonly file: string;
  readonly sidecar: Record<string, unknown>;
}

/** The cases of a corpus whose file holds a sparse matrix (SparseMatrixNode or a sparse-array ObjectNode). */
export function sparseCases(corpus: string): Case[] {
  const dir = path.join(FIXTURES, corpus);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.skops') && (f.startsWith('sparse_') || f.includes('__sparse')))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      const sidecar = JSON.parse(readFileSync(file.replace(/\.skops$/, '.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      return { name: f.replace(/\.skops$/, ''), file, sidecar };
    });
}

/** The Python environment a fixture was written with. */
export function envOf(sidecar: Record<string, unknown>): {
  sklearn?: string;
  numpy?: string;
  scipy?: string;
} {
  const py = (sidecar.python ?? {}) as Record<string, string>;
  return { sklearn: py.sklearn, numpy: py.numpy, scipy: py.scipy };
}

/** Every SparseMatrix inside a loaded value, in container order. */
export function sparseValues(value: unknown, out: SparseMatrix[] = []): SparseMatrix[] {
  if (SparseMatrix.is(value)) out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => sparseValues(v, out));
  else if (PyTuple.is(value)) value.items.forEach((v) => sparseValues(v, out));
  else if (PyDict.is(value)) for (const [, v] of value) sparseValues(v, out);
  else if (PyObject.is(value)) sparseValues(value.state, out);
  return out;
}

/** Every rule-12 description inside a sidecar description, in order. */
export function sparseDescriptions(
  d: unknown,
  out: Record<string, unknown>[] = [],
): Record<string, unknown>[] {
  if (Array.isArray(d)) d.forEach((x) => sparseDescriptions(x, out));
  else if (d && typeof d === 'object') {
    const o = d as Record<string, unknown>;
    if (o.sparse && typeof o.sparse === 'object') out.push(o.sparse as Record<string, unknown>);
    else Object.values(o).forEach((x) => sparseDescriptions(x, out));
  }
  return out;
}

/** A Python interpreter with numpy and scipy, or null (the interop tests then skip with a message). */
export function findScipyPython(): string | null {
  for (const candidate of [process.env.SKOPS_PYTHON, '/usr/bin/python3']) {
    if (!candidate || !existsSync(candidate)) continue;
    if (
      spawnSync(candidate, ['-c', 'import numpy, scipy.sparse'], { encoding: 'utf8' }).status === 0
    )
      return candidate;
  }
  return null;
}

/** Runs a Python script and returns its stdout; throws with stderr when it fails. */
export function runPython(python: string, script: string, args: string[] = []): string {
  const result = spawnSync(python, ['-c', script, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`python failed (${result.status}):\n${result.stderr}`);
  return result.stdout;
}
