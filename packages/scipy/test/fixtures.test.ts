import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loads } from '@skops-ts/core';
import { arrayHash, describeDType } from '@skops-ts/numpy';
import { envOf, plugins, sparseCases, sparseDescriptions, sparseValues } from './helpers.js';

const CORPORA = ['skops', 'skops-modern', 'old-protocols'];

describe.each(CORPORA)('sparse matrices of the %s corpus', (corpus) => {
  const cases = sparseCases(corpus);

  it('has sparse cases to check', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.name, c] as const))(
    '%s: every matrix densifies to the hash, shape and dtype Python recorded',
    async (_name, c) => {
      const value = await loads(readFileSync(c.file), {
        plugins,
        pythonEnv: envOf(c.sidecar),
        trusted: c.sidecar.untrusted_types as string[],
      });
      const matrices = sparseValues(value);
      const expected = sparseDescriptions(c.sidecar.describe);
      expect(matrices.length).toBe(expected.length);
      expect(matrices.length).toBeGreaterThan(0);
      matrices.forEach((m, i) => {
        const e = expected[i] as Record<string, unknown>;
        const dense = m.toDense();
        expect([m.format, [...dense.shape], describeDType(m.dtype), arrayHash(dense)]).toEqual([
          e.format,
          e.shape,
          e.dtype,
          e.dense_sha256,
        ]);
      });
    },
  );

  it.each(cases.map((c) => [c.name, c] as const))(
    '%s: converting to CSR keeps the dense values',
    async (_name, c) => {
      const value = await loads(readFileSync(c.file), {
        plugins,
        pythonEnv: envOf(c.sidecar),
        trusted: c.sidecar.untrusted_types as string[],
      });
      const expected = sparseDescriptions(c.sidecar.describe);
      sparseValues(value).forEach((m, i) => {
        const csr = m.toCSR();
        expect(csr.format).toBe('csr');
        expect(csr.kind).toBe(m.kind);
        expect(arrayHash(csr.toDense())).toBe(expected[i]?.dense_sha256);
      });
    },
  );
});

describe('the fixtures cover every format', () => {
  it('loads csr, csc, coo, bsr and dia matrices and sparse arrays from the corpora', async () => {
    const seen = new Set<string>();
    for (const corpus of CORPORA) {
      for (const c of sparseCases(corpus)) {
        const value = await loads(readFileSync(c.file), {
          plugins,
          pythonEnv: envOf(c.sidecar),
          trusted: c.sidecar.untrusted_types as string[],
        });
        for (const m of sparseValues(value)) seen.add(`${m.format}_${m.kind}`);
      }
    }
    expect([...seen].sort()).toEqual([
      'bsr_matrix',
      'coo_array',
      'coo_matrix',
      'csc_array',
      'csc_matrix',
      'csr_array',
      'csr_matrix',
      'dia_array',
      'dia_matrix',
    ]);
  });
});
