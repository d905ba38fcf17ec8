import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  NUMPY1_DTYPE_TYPE_NAMES,
  NUMPY1_UFUNC_TYPE_NAMES,
  NUMPY2_DTYPE_TYPE_NAMES,
  NUMPY2_UFUNC_TYPE_NAMES,
  NpScalar,
  numpyPlugin,
} from '@skops-ts/numpy';
import { FIXTURES } from './helpers.js';

const stacks = [
  { dir: 'trusted-types', env: { numpy: '1.24.2', sklearn: '1.2.1', scipy: '1.10.1' } },
  { dir: 'skops-modern/trusted-types', env: { numpy: '2.4.6', sklearn: '1.9.1', scipy: '1.17.1' } },
];
const listOf = (dir: string, name: string) =>
  (
    JSON.parse(readFileSync(path.join(FIXTURES, dir, `${name}.json`), 'utf8')) as {
      types: string[];
    }
  ).types;

describe('trusted names', () => {
  it('are the fixture copies of Python skops lists', () => {
    expect(NUMPY1_UFUNC_TYPE_NAMES).toEqual(listOf('trusted-types', 'NUMPY_UFUNC_TYPE_NAMES'));
    expect(NUMPY1_DTYPE_TYPE_NAMES).toEqual(listOf('trusted-types', 'NUMPY_DTYPE_TYPE_NAMES'));
    expect(NUMPY2_UFUNC_TYPE_NAMES).toEqual(
      listOf('skops-modern/trusted-types', 'NUMPY_UFUNC_TYPE_NAMES'),
    );
    expect(NUMPY2_DTYPE_TYPE_NAMES).toEqual(
      listOf('skops-modern/trusted-types', 'NUMPY_DTYPE_TYPE_NAMES'),
    );
  });

  for (const { dir, env } of stacks) {
    it(`give each numpy node the default trusted list Python skops has on numpy ${env.numpy}`, () => {
      const defaults = JSON.parse(
        readFileSync(path.join(FIXTURES, dir, 'per-node-defaults.json'), 'utf8'),
      ) as {
        nodes: Record<string, { default_trusted: string[] }>;
      };
      const groups = numpyPlugin.trustGroups ?? {};
      const resolve = (loader: string) => {
        const handler = numpyPlugin.handlers?.find(
          (h) => h.loader === loader && (h.protocols ?? [2]).includes(2),
        );
        const spec = handler?.defaultTrusted ?? {};
        const fromGroups = (spec.groups ?? []).flatMap(
          (g) => groups[g]?.(env) ?? [`<missing group ${g}>`],
        );
        return [...new Set([...(spec.names ?? []), ...fromGroups])].sort();
      };
      for (const loader of [
        'NdArrayNode',
        'MaskedArrayNode',
        'DTypeNode',
        'RandomStateNode',
        'RandomGeneratorNode',
      ]) {
        expect(resolve(loader), loader).toEqual(defaults.nodes[loader]?.default_trusted);
      }
    });
  }
});

describe('dict keys of numpy scalar types', () => {
  const converter = numpyPlugin.keyConverters?.[0];
  const convert = (text: string, type: string) => converter?.convert(text, type) as NpScalar;

  it('convert like numpy.<type>(str)', () => {
    expect(converter?.types).toContain('numpy.int64');
    expect(converter?.types).toContain('numpy.bool');
    expect(convert('3', 'numpy.int64').value).toBe(3n);
    expect(convert(' -1_000 ', 'numpy.int32').value).toBe(-1000);
    expect(convert('0.1', 'numpy.float32').value).toBe(Math.fround(0.1));
    expect(convert('-inf', 'numpy.float64').value).toBe(-Infinity);
    expect(convert('false', 'numpy.bool_').value).toBe(true);
    expect(convert('', 'numpy.bool_').value).toBe(false);
    expect(convert('ab', 'numpy.str_').className).toBe('numpy.str_');
  });

  it('refuse text the type does not parse', () => {
    expect(() => convert('1.5', 'numpy.int64')).toThrow();
    expect(() => convert('300', 'numpy.uint8')).toThrow();
    expect(() => convert('0x10', 'numpy.float64')).toThrow();
  });
});
