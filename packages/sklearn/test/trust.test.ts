import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KNOWN_SKLEARN_VERSIONS, sklearnPlugin, sklearnTrust } from '@skops-ts/sklearn';
import { FIXTURES } from './fixtures.js';

const readJson = (...p: string[]) => JSON.parse(readFileSync(join(FIXTURES, ...p), 'utf8'));
const sorted = (a: readonly string[]) => [...a].sort();
const env = (sklearn: string) => ({ sklearn, numpy: '2.4.6', scipy: '1.17.1' });

describe('scikit-learn trust data', () => {
  for (const [folder, objectCount] of [
    ['trusted-types', 204],
    ['skops-modern/trusted-types', 225],
  ] as const) {
    const defaults = readJson(...folder.split('/'), 'per-node-defaults.json');
    const version: string = defaults.versions.sklearn;

    it(`gives ObjectNode the ${objectCount} names skops trusts on scikit-learn ${version}`, () => {
      const groups = sklearnPlugin.trustGroups ?? {};
      const names = [
        ...(groups['sklearn.estimators']?.(env(version)) ?? []),
        ...(groups['sklearn.internal']?.(env(version)) ?? []),
      ];
      expect(names.length).toBe(objectCount);
      expect(sorted(names)).toEqual(sorted(defaults.nodes.ObjectNode.default_trusted));
    });

    it(`gives LossNode skops' ALLOWED_LOSSES of scikit-learn ${version}`, () => {
      const losses = sklearnPlugin.trustGroups?.['sklearn.losses']?.(env(version)) ?? [];
      expect(sorted(losses)).toEqual(sorted(defaults.nodes.LossNode.default_trusted));
      expect(sorted(losses)).toEqual(
        sorted(readJson(...folder.split('/'), 'ALLOWED_LOSSES.json').types),
      );
    });

    it(`matches SKLEARN_ESTIMATOR_TYPE_NAMES and SKLEARN_INTERNAL_TYPE_NAMES of scikit-learn ${version}`, () => {
      const trust = sklearnTrust(version);
      expect(sorted(trust.estimators)).toEqual(
        sorted(readJson(...folder.split('/'), 'SKLEARN_ESTIMATOR_TYPE_NAMES.json').types),
      );
      expect(sorted(trust.internal)).toEqual(
        sorted(readJson(...folder.split('/'), 'SKLEARN_INTERNAL_TYPE_NAMES.json').types),
      );
    });
  }

  it('holds, for every version of sklearn-by-version.json, its estimators and its internal + loss names', () => {
    const byVersion = readJson('trusted-types', 'sklearn-by-version.json') as Record<
      string,
      { estimators: string[]; internal: string[] }
    >;
    expect(sorted(KNOWN_SKLEARN_VERSIONS)).toEqual(sorted(Object.keys(byVersion)));
    for (const [version, entry] of Object.entries(byVersion)) {
      const trust = sklearnTrust(version);
      expect(trust.version).toBe(version);
      expect(sorted(trust.estimators)).toEqual(sorted(entry.estimators));
      expect(sorted([...trust.internal, ...trust.losses])).toEqual(sorted(entry.internal));
    }
  });

  it('picks the newest known version not above the requested one', () => {
    expect(sklearnTrust('1.3.0').version).toBe('1.2.2');
    expect(sklearnTrust('1.10.0').version).toBe('1.9.1');
    expect(sklearnTrust('1.6.1').version).toBe('1.6.1');
    expect(sklearnTrust('0.24.2').version).toBe('1.0.2');
  });

  it('trusts the _loss.Cy* names that scikit-learn 1.5-1.8 wheels report', () => {
    expect(sklearnTrust('1.7.2').losses).toContain('_loss.CyHalfBinomialLoss');
    expect(sklearnTrust('1.7.2').losses).not.toContain('sklearn._loss._loss.CyHalfBinomialLoss');
  });

  it('is what the generator script writes from the fixtures', () => {
    const script = resolve(
      fileURLToPath(new URL('.', import.meta.url)),
      '../scripts/generate-trust-data.mjs',
    );
    const out = execFileSync(process.execPath, [script, '--check'], {
      env: { ...process.env, SKOPS_FIXTURES: FIXTURES },
      encoding: 'utf8',
    });
    expect(out).toMatch(/up to date/);
  });
});
