import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe as group, expect, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  getUntrustedTypes,
  loads,
  memorySource,
  openArchive,
  SkopsError,
  writeArchive,
  type ArchiveMemberInput,
  type SkopsPlugin,
} from '@skops-ts/core';
import { pythonEnvOf, skopsCases, type SkopsCase } from './fixtures.js';
import { availablePlugins } from './plugins.js';
import { fuzzRuns, fuzzSeed, Tally } from './fuzz/settings.js';

const plugins: readonly SkopsPlugin[] = await availablePlugins();
const MARKER = '/tmp/skops-pwned-marker';
const SEED = fuzzSeed();
const FILES = 40;
/** `FUZZ_RUNS` is the total over all files (`npm run fuzz`); CI mutates each file 25 times. */
const MUTATIONS = Math.ceil(fuzzRuns(25 * FILES) / FILES);
const tally = new Tally('mutated fixture archives');
/** Large files add little coverage per mutation and most of the run time. */
const MAX_FILE_BYTES = 200_000;

/** mulberry32: a small deterministic PRNG, so a failure names a reproducible case. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const below = (random: Random, n: number): number => Math.floor(random() * n);
const pick = <T>(random: Random, items: readonly T[]): T => items[below(random, items.length)] as T;

/** A mutation: a description for failure messages and the mutated file. */
interface Mutant {
  readonly what: string;
  readonly bytes: Uint8Array;
}

/** An unpacked fixture: its members in archive order, schema.json as text. */
interface Unpacked {
  readonly file: Uint8Array;
  readonly members: readonly ArchiveMemberInput[];
  readonly schema: string;
}

async function unpack(c: SkopsCase): Promise<Unpacked> {
  const file = new Uint8Array(readFileSync(c.file));
  const archive = await openArchive(memorySource(file), { limits: DEFAULT_LIMITS });
  const members = await Promise.all(
    archive.entries.map(async (e) => ({ name: e.name, data: await archive.read(e.name) })),
  );
  await archive.close();
  const schema = members.find((m) => m.name === 'schema.json');
  if (!schema) throw new Error(`${c.file} has no schema.json`);
  return { file, members, schema: new TextDecoder().decode(schema.data) };
}

const encoder = new TextEncoder();

/** The archive again with some members replaced. */
function rezip(u: Unpacked, replace: Readonly<Record<string, Uint8Array>>): Uint8Array {
  return writeArchive(
    u.members.map((m) => ({ name: m.name, data: replace[m.name] ?? m.data })),
    { compression: 'stored' },
  );
}

/** Characters a flip writes: JSON punctuation and digits reach far more parser states than random bytes. */
const FLIP_CHARS = '{}[]":,-.0123456789eE nulltruefalseNaN\\\u00ff\u0000';

function flipSchemaBytes(u: Unpacked, random: Random): Mutant {
  const bytes = encoder.encode(u.schema);
  const flips = 1 + below(random, 4);
  const at: number[] = [];
  for (let k = 0; k < flips; k++) {
    const i = below(random, bytes.length);
    at.push(i);
    bytes[i] =
      random() < 0.5
        ? (bytes[i] as number) ^ (1 << below(random, 8))
        : FLIP_CHARS.charCodeAt(below(random, FLIP_CHARS.length)) & 0xff;
  }
  return {
    what: `schema.json bytes changed at ${at.join(', ')}`,
    bytes: rezip(u, { 'schema.json': bytes }),
  };
}

function truncateFile(u: Unpacked, random: Random): Mutant {
  const n = below(random, u.file.length);
  return { what: `file cut to ${n} of ${u.file.length} bytes`, bytes: u.file.slice(0, n) };
}

function truncateSchema(u: Unpacked, random: Random): Mutant {
  const bytes = encoder.encode(u.schema);
  const n = below(random, bytes.length);
  return {
    what: `schema.json cut to ${n} bytes`,
    bytes: rezip(u, { 'schema.json': bytes.slice(0, n) }),
  };
}

function flipMemberBytes(u: Unpacked, random: Random): Mutant {
  const others = u.members.filter((m) => m.name !== 'schema.json' && m.data.length > 0);
  if (others.length === 0) return flipSchemaBytes(u, random);
  const member = pick(random, others);
  const data = member.data.slice();
  // Headers (npy dict, npz local headers) sit at the start; flip there most of the time.
  const span = random() < 0.8 ? Math.min(data.length, 160) : data.length;
  const i = below(random, span);
  data[i] = below(random, 256);
  return {
    what: `member ${member.name} byte ${i} set to ${data[i]}`,
    bytes: rezip(u, { [member.name]: data }),
  };
}

/** Where a JSON value sits: its container and key, so it can be replaced. */
interface Slot {
  readonly holder: Record<string, unknown> | unknown[];
  readonly key: string | number;
  readonly path: string;
}

function slotsOf(root: unknown): Slot[] {
  const slots: Slot[] = [];
  const stack: [unknown, string][] = [[root, '$']];
  while (stack.length > 0) {
    const [v, path] = stack.pop() as [unknown, string];
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        slots.push({ holder: v, key: i, path: `${path}[${i}]` });
        stack.push([x, `${path}[${i}]`]);
      });
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        slots.push({ holder: v as Record<string, unknown>, key: k, path: `${path}.${k}` });
        stack.push([x, `${path}.${k}`]);
      }
    }
  }
  return slots;
}

const valueAt = (s: Slot): unknown => (s.holder as Record<string | number, unknown>)[s.key];
const setAt = (s: Slot, v: unknown): void => {
  (s.holder as Record<string | number, unknown>)[s.key] = v;
};

const ODD_VALUES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  2 ** 31,
  2 ** 53 + 2,
  1e308,
  -0.5,
  '',
  'x',
  '__proto__',
  [],
  {},
  [[[]]],
  { __loader__: 'ObjectNode' },
];

/**
 * Replaces a JSON value by a copy of another one from the same schema (a
 * node where a string was, a list where a node was, ...), or by an odd
 * literal, or swaps two primitive values.
 */
function swapJsonValues(u: Unpacked, random: Random): Mutant {
  let tree: unknown;
  try {
    tree = JSON.parse(u.schema);
  } catch {
    // Protocol-0 files may hold Python's NaN tokens; plain JSON.parse cannot edit those.
    return flipSchemaBytes(u, random);
  }
  const slots = slotsOf(tree);
  const target = pick(random, slots);
  const roll = random();
  let what: string;
  if (roll < 0.45) {
    const source = pick(random, slots);
    setAt(target, JSON.parse(JSON.stringify(valueAt(source)) ?? 'null'));
    what = `${target.path} replaced by a copy of ${source.path}`;
  } else if (roll < 0.75) {
    const primitives = slots.filter((s) => valueAt(s) === null || typeof valueAt(s) !== 'object');
    const other = pick(random, primitives.length > 0 ? primitives : slots);
    const a = valueAt(target);
    const b = valueAt(other);
    if (a !== null && typeof a === 'object') {
      setAt(target, JSON.parse(JSON.stringify(b) ?? 'null'));
      what = `${target.path} replaced by the value of ${other.path}`;
    } else {
      setAt(target, b);
      setAt(other, a);
      what = `${target.path} and ${other.path} swapped`;
    }
  } else if (roll < 0.9) {
    const odd = pick(random, ODD_VALUES);
    setAt(target, JSON.parse(JSON.stringify(odd)));
    what = `${target.path} set to ${JSON.stringify(odd)}`;
  } else {
    if (Array.isArray(target.holder)) target.holder.splice(target.key as number, 1);
    else delete target.holder[target.key as string];
    what = `${target.path} removed`;
  }
  return {
    what,
    bytes: rezip(u, { 'schema.json': encoder.encode(JSON.stringify(tree, null, 2)) }),
  };
}

const MUTATORS = [
  flipSchemaBytes,
  flipSchemaBytes,
  swapJsonValues,
  swapJsonValues,
  swapJsonValues,
  truncateSchema,
  truncateFile,
  flipMemberBytes,
] as const;

/** Runs one entry point: success or a SkopsError pass; anything else is described as a failure. */
async function misbehaviour(
  name: string,
  work: () => Promise<unknown>,
): Promise<string | undefined> {
  const started = performance.now();
  try {
    await work();
    tally.record(name, 'ok', performance.now() - started);
    return undefined;
  } catch (error) {
    if (SkopsError.isInstance(error)) {
      tally.record(name, error.code, performance.now() - started);
      return undefined;
    }
    const e = error as Error;
    return `${name} threw ${e?.constructor?.name ?? typeof error}: ${String(e?.message ?? error).slice(0, 200)}`;
  }
}

/** A deterministic sample of the fixture corpora (the hostile corpus has its own test). */
function sample(): SkopsCase[] {
  const all = ['skops', 'skops-modern', 'old-protocols', 'realworld']
    .flatMap((folder) => skopsCases(folder))
    .filter((c) => readFileSync(c.file).length <= MAX_FILE_BYTES);
  const random = prng(SEED);
  for (let i = all.length - 1; i > 0; i--) {
    const j = below(random, i + 1);
    [all[i], all[j]] = [all[j] as SkopsCase, all[i] as SkopsCase];
  }
  return all.slice(0, FILES);
}

const cases = sample();

group(
  `fuzzed fixtures (seed ${SEED.toString(16)}, ${FILES} files x ${MUTATIONS} mutations)`,
  () => {
    afterAll(() => tally.publish(SEED));

    it('samples enough fixture files to be meaningful', () => {
      expect(cases.length).toBeGreaterThanOrEqual(Math.min(FILES, 20));
    });

    cases.forEach((c, index) => {
      it(
        `${c.folder}/${c.name}: mutated copies are loaded or refused with a SkopsError, never another error`,
        async () => {
          const u = await unpack(c);
          const random = prng(SEED + index + 1);
          const pythonEnv = pythonEnvOf(c.sidecar);
          const trusted = (c.sidecar.untrusted_types as string[] | undefined) ?? [];
          const failures: string[] = [];
          for (let m = 0; m < MUTATIONS; m++) {
            const mutant = pick(random, MUTATORS)(u, random);
            await tally.tick();
            for (const failure of [
              await misbehaviour('getUntrustedTypes', () =>
                getUntrustedTypes(mutant.bytes, { plugins, pythonEnv }),
              ),
              await misbehaviour('loads', () =>
                loads(mutant.bytes, { plugins, pythonEnv, trusted }),
              ),
            ]) {
              if (failure) failures.push(`mutation ${m} (${mutant.what}): ${failure}`);
            }
          }
          expect(failures).toEqual([]);
          expect(existsSync(MARKER)).toBe(false);
        },
        process.env.FUZZ_RUNS ? 2_000_000_000 : 60_000,
      );
    });
  },
);
