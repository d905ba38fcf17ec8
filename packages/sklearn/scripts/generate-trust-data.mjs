#!/usr/bin/env node
// Regenerates src/trust/sklearn-versions.generated.ts from the fixture corpus:
//   fixtures/trusted-types/sklearn-by-version.json  (estimators and importable internal classes per version)
// and checks the result against the exact lists skops computed on the two installed stacks
// (fixtures/trusted-types and fixtures/skops-modern/trusted-types).
//
// skops (skops/io/_trusted_types.py, _sklearn.py) imports its internal classes in groups,
// each in one `try`: a group with one missing class contributes nothing. We apply that rule
// to each version's `internal_existing` and require the outcome to equal the file's `internal`
// (what skops trusts on that version: SKLEARN_INTERNAL_TYPE_NAMES + ALLOWED_LOSSES).
//
// Usage: node scripts/generate-trust-data.mjs [--check]   (SKOPS_FIXTURES overrides the fixture folder)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = process.env.SKOPS_FIXTURES ?? resolve(here, '../../../fixtures');
const out = resolve(here, '../src/trust/sklearn-versions.generated.ts');
const readJson = (...p) => JSON.parse(readFileSync(join(fixtures, ...p), 'utf8'));

const LINK = [
  'HalfLogitLink',
  'IdentityLink',
  'Interval',
  'LogitLink',
  'LogLink',
  'MultinomialLogit',
].map((c) => `sklearn._loss.link.${c}`);
const LOSS = [
  'AbsoluteError',
  'ExponentialLoss',
  'HalfBinomialLoss',
  'HalfGammaLoss',
  'HalfMultinomialLoss',
  'HalfPoissonLoss',
  'HalfSquaredError',
  'HuberLoss',
  'PinballLoss',
].map((c) => `sklearn._loss.loss.${c}`);
const HGB = [
  'sklearn.ensemble._hist_gradient_boosting.binning._BinMapper',
  'sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor',
];
const SGD_BASE = [
  'EpsilonInsensitive',
  'Hinge',
  'ModifiedHuber',
  'SquaredEpsilonInsensitive',
  'SquaredHinge',
].map((c) => `sklearn.linear_model._sgd_fast.${c}`);
const SGD_OLD = ['Huber', 'Log', 'SquaredLoss'].map((c) => `sklearn.linear_model._sgd_fast.${c}`);
const CY = [
  'CyAbsoluteError',
  'CyExponentialLoss',
  'CyHalfBinomialLoss',
  'CyHalfGammaLoss',
  'CyHalfMultinomialLoss',
  'CyHalfPoissonLoss',
  'CyHalfSquaredError',
  'CyHalfTweedieLoss',
  'CyHalfTweedieLossIdentity',
  'CyHuberLoss',
  'CyPinballLoss',
];

/** A group's names if every one of them imports on this version, else none. */
const group = (names, existing) => (names.every((n) => existing.has(n)) ? names : []);

/** The Cy* group under the module name the version's classes report (`sklearn._loss._loss` or, in 1.5-1.8 wheels, `_loss`). */
function cyGroup(existing) {
  for (const module of ['sklearn._loss._loss', '_loss']) {
    const names = CY.map((c) => `${module}.${c}`);
    if (names.every((n) => existing.has(n))) return names;
  }
  return [];
}

const compareVersions = (a, b) => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++)
    if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
};

const byVersion = readJson('trusted-types', 'sklearn-by-version.json');
const versions = Object.keys(byVersion).sort(compareVersions);
const rows = [];
const problems = [];
for (const version of versions) {
  const entry = byVersion[version];
  const existing = new Set(entry.internal_existing);
  // SKLEARN_INTERNAL_TYPE_NAMES keeps only names starting with "sklearn." (all of these do).
  const internal = [
    ...group(LINK, existing),
    ...group(LOSS, existing),
    ...group(HGB, existing),
  ].filter((n) => n.startsWith('sklearn.'));
  // ALLOWED_LOSSES: the base _sgd_fast import is unconditional in skops; the others are groups.
  const losses = [
    ...SGD_BASE.filter((n) => existing.has(n)),
    ...group(SGD_OLD, existing),
    ...cyGroup(existing),
  ];
  const derived = [...internal, ...losses].sort();
  const listed = [...entry.internal].sort();
  if (JSON.stringify(derived) !== JSON.stringify(listed)) {
    problems.push(
      `${version}: derived internal+losses ${JSON.stringify(derived)} != listed ${JSON.stringify(listed)}`,
    );
  }
  if (SGD_BASE.some((n) => !existing.has(n)))
    problems.push(`${version}: a base _sgd_fast loss is missing; skops would not import`);
  rows.push({
    version,
    estimators: [...entry.estimators].sort(),
    internal: internal.sort(),
    losses: losses.sort(),
  });
}

// The two stacks skops actually ran on: exact lists.
for (const [folder, objectCount] of [
  ['trusted-types', 204],
  ['skops-modern/trusted-types', 225],
]) {
  const defaults = readJson(...folder.split('/'), 'per-node-defaults.json');
  const version = defaults.versions.sklearn;
  const row = rows.find((r) => r.version === version);
  const sortedJson = (a) => JSON.stringify([...a].sort());
  if (!row) {
    problems.push(`${folder}: no row for sklearn ${version}`);
    continue;
  }
  const objectNode = defaults.nodes.ObjectNode.default_trusted;
  if (sortedJson(objectNode) !== sortedJson([...row.estimators, ...row.internal]))
    problems.push(`${folder}: ObjectNode defaults differ`);
  if (objectNode.length !== objectCount)
    problems.push(`${folder}: ObjectNode has ${objectNode.length} names, expected ${objectCount}`);
  if (sortedJson(defaults.nodes.LossNode.default_trusted) !== sortedJson(row.losses))
    problems.push(`${folder}: LossNode defaults differ`);
  if (
    sortedJson(readJson(...folder.split('/'), 'ALLOWED_LOSSES.json').types) !==
    sortedJson(row.losses)
  )
    problems.push(`${folder}: ALLOWED_LOSSES differ`);
  if (
    sortedJson(readJson(...folder.split('/'), 'SKLEARN_INTERNAL_TYPE_NAMES.json').types) !==
    sortedJson(row.internal)
  )
    problems.push(`${folder}: SKLEARN_INTERNAL_TYPE_NAMES differ`);
  if (
    sortedJson(readJson(...folder.split('/'), 'SKLEARN_ESTIMATOR_TYPE_NAMES.json').types) !==
    sortedJson(row.estimators)
  )
    problems.push(`${folder}: SKLEARN_ESTIMATOR_TYPE_NAMES differ`);
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}

// Estimator lists change little between versions: store the first in full, then differences.
const q = (s) => `'${s}'`;
const list = (names, indent) =>
  names.length ? `[\n${names.map((n) => `${indent}  ${q(n)},`).join('\n')}\n${indent}]` : '[]';
let previous = [];
const body = rows
  .map((row) => {
    const added = row.estimators.filter((n) => !previous.includes(n));
    const removed = previous.filter((n) => !row.estimators.includes(n));
    previous = row.estimators;
    return [
      '  {',
      `    version: ${q(row.version)},`,
      `    estimatorsAdded: ${list(added, '    ')},`,
      `    estimatorsRemoved: ${list(removed, '    ')},`,
      `    internal: ${list(row.internal, '    ')},`,
      `    losses: ${list(row.losses, '    ')},`,
      '  },',
    ].join('\n');
  })
  .join('\n');

const text = `// Generated by scripts/generate-trust-data.mjs from fixtures/trusted-types/sklearn-by-version.json.
// Do not edit; run \`node packages/sklearn/scripts/generate-trust-data.mjs\` instead.

/** Default trusted names of one scikit-learn version, estimators stored as differences from the previous row. */
export interface SklearnTrustRow {
  readonly version: string;
  readonly estimatorsAdded: readonly string[];
  readonly estimatorsRemoved: readonly string[];
  /** skops' SKLEARN_INTERNAL_TYPE_NAMES on this version (all-or-nothing import groups applied). */
  readonly internal: readonly string[];
  /** skops' ALLOWED_LOSSES on this version (LossNode's default). */
  readonly losses: readonly string[];
}

/** One row per known scikit-learn version, oldest first. */
export const SKLEARN_TRUST_ROWS: readonly SklearnTrustRow[] = [
${body}
];
`;

if (process.argv.includes('--check')) {
  const current = readFileSync(out, 'utf8');
  if (current !== text) {
    console.error(`${out} is out of date; run node scripts/generate-trust-data.mjs`);
    process.exit(1);
  }
  console.log('trust data up to date');
} else {
  writeFileSync(out, text);
  console.log(`wrote ${out} (${rows.length} versions)`);
}
