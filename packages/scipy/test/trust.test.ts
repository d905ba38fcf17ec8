import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEWEST_PYTHON_ENV } from '@skops-ts/core';
import { scipyPlugin } from '@skops-ts/scipy';
import { FIXTURES } from './helpers.js';

const types = (file: string) =>
  (JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as { types: string[] }).types;
const OLD = types('trusted-types/SCIPY_UFUNC_TYPE_NAMES.json');
const NEW = types('skops-modern/trusted-types/SCIPY_UFUNC_TYPE_NAMES.json');
const sparseDefault = (file: string) =>
  (
    JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as {
      nodes: Record<string, { default_trusted: string[] }>;
    }
  ).nodes.SparseMatrixNode?.default_trusted;

const group = (name: string, scipy: string) =>
  [...(scipyPlugin.trustGroups?.[name]?.({ ...NEWEST_PYTHON_ENV, scipy }) ?? [])].sort();

describe('scipy trust data', () => {
  it.each([
    ['1.10.1', OLD],
    ['1.13.1', OLD],
    ['1.14.0', NEW],
    ['1.17.1', NEW],
  ])('scipy.ufuncs on scipy %s is the list of the matching fixtures', (scipy, expected) => {
    expect(group('scipy.ufuncs', scipy)).toEqual([...expected].sort());
  });

  it('trusts only the spmatrix base class for SparseMatrixNode, as Python does on each stack', () => {
    expect(group('scipy.spmatrix', '1.10.1')).toEqual(
      sparseDefault('trusted-types/per-node-defaults.json'),
    );
    expect(group('scipy.spmatrix', '1.17.1')).toEqual(
      sparseDefault('skops-modern/trusted-types/per-node-defaults.json'),
    );
  });
});
