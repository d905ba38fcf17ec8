import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  describe,
  dumps,
  getUntrustedTypes,
  loads,
  memorySource,
  openArchive,
  visualize,
  writeArchive,
  type ArchiveMemberInput,
  type SkopsPlugin,
} from '@skops-ts/core';
import { readNpy, readNpyHeader, writeNpy, type DType } from '@skops-ts/numpy';
import { convertJoblib, readPickle, scanPickle } from '@skops-ts/pickle';
import { RECOGNISERS } from './convert/convert-support.js';
import { FIXTURES } from './fixtures.js';
import { availablePlugins } from './plugins.js';
import { attempt, type Outcome } from './fuzz/attempt.js';
import { npyFraming, npyHeaderBytes } from './fuzz/npy-arbitrary.js';
import { pickleOfValue, pickleOp, pickleStream, rawPickleBytes } from './fuzz/pickle-arbitrary.js';
import { MEMBER_NAMES, schemaDocument } from './fuzz/schema-arbitrary.js';
import { rarely } from './fuzz/rarely.js';
import { fuzzRuns, fuzzSeed, Tally } from './fuzz/settings.js';
import { fieldRewrite, rewriteZip, zipFields } from './fuzz/zip-rewrite.js';

const plugins: readonly SkopsPlugin[] = await availablePlugins();
const SEED = fuzzSeed();
const SEED_TEXT = `0x${SEED.toString(16)}`;
/** Long campaigns may cap each property's wall time (ms); CI runs the fixed number of runs. */
const TIME_LIMIT = Number(process.env.FUZZ_TIME_MS ?? 0) || undefined;
const TEST_TIMEOUT = process.env.FUZZ_RUNS || TIME_LIMIT ? 2_000_000_000 : 120_000;
const MARKER = '/tmp/skops-pwned-marker';
const encoder = new TextEncoder();

/** Runs per property in CI: about 20 s on a laptop for the whole file. `FUZZ_RUNS` overrides them all. */
const CI_RUNS = { schema: 5_000, npy: 10_000, streams: 8_000, raw: 5_000, zip: 3_000 } as const;

/** fast-check settings for one property: the shared seed, its runs, no shrinking budget blow-up. */
function params(numRuns: number): fc.Parameters<unknown> {
  return {
    seed: SEED,
    numRuns,
    interruptAfterTimeLimit: TIME_LIMIT,
    markInterruptAsFailure: false,
    endOnFailure: false,
  };
}

/** Members of small fixture archives by extension: realistic .npy, .npz and .bin contents to mix into schemas. */
async function harvestMembers(): Promise<Map<string, Uint8Array[]>> {
  const pools = new Map<string, Uint8Array[]>([
    ['npy', []],
    ['npz', []],
    ['bin', []],
  ]);
  const archives: Uint8Array[] = [];
  for (const folder of ['skops', 'old-protocols']) {
    const dir = join(FIXTURES, folder);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)
      .filter((n) => n.endsWith('.skops'))
      .sort()) {
      const bytes = new Uint8Array(readFileSync(join(dir, f)));
      if (bytes.length <= 20_000) archives.push(bytes);
    }
  }
  for (const bytes of archives) {
    const archive = await openArchive(memorySource(bytes), { limits: DEFAULT_LIMITS });
    for (const e of archive.entries) {
      const pool = pools.get(e.name.split('.').pop() ?? '');
      if (pool && pool.length < 80) pool.push(await archive.read(e.name));
    }
    await archive.close();
  }
  return pools;
}

/** Small fixture archives, as Python's zipfile wrote them. */
function smallArchives(): Uint8Array[] {
  const dir = join(FIXTURES, 'skops');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.skops'))
    .sort()
    .map((f) => new Uint8Array(readFileSync(join(dir, f))))
    .filter((b) => b.length <= 6_000);
}

/** Plain and joblib pickles from the fixture corpus (all small). */
function pickleFixtures(): Uint8Array[] {
  const dir = join(FIXTURES, 'pickle');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.pkl') || n.endsWith('.joblib'))
    .sort()
    .map((f) => new Uint8Array(readFileSync(join(dir, f))));
}

const memberPools = await harvestMembers();
const archivesToRewrite = smallArchives();
const picklesToMutate = pickleFixtures();

/** Deterministic filler bytes for payloads of a chosen length. */
function filler(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Byte-level damage: flipped bytes, a cut, a removed or repeated range. */
interface Damage {
  readonly flips: readonly (readonly [number, number])[];
  readonly cut: number | null;
  readonly splice: readonly [number, number, boolean] | null;
}

const damage: fc.Arbitrary<Damage> = fc.record({
  flips: fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 4 }),
  cut: rarely(fc.nat(), 4),
  splice: rarely(fc.tuple(fc.nat(), fc.nat(64), fc.boolean()), 4),
});

function damaged(bytes: Uint8Array, d: Damage): Uint8Array {
  let out = bytes.slice();
  if (out.length === 0) return out;
  for (const [at, v] of d.flips) out[at % out.length] = v;
  if (d.splice) {
    const [at, n, repeat] = d.splice;
    const i = at % out.length;
    const range = out.slice(i, i + n);
    out = Uint8Array.from([
      ...out.subarray(0, i),
      ...(repeat ? [...range, ...range] : []),
      ...out.subarray(i + n),
    ]);
  }
  if (d.cut !== null && out.length > 0) out = out.slice(0, d.cut % out.length);
  return out;
}

/** What a member named by the schema holds: a real member (maybe damaged), a random .npy, random bytes. */
const memberData = (ext: string): fc.Arbitrary<Uint8Array> => {
  const pool = memberPools.get(ext) ?? [];
  const real = pool.length > 0 ? fc.constantFrom(...pool) : fc.constant(new Uint8Array(0));
  return fc.oneof(
    { weight: 6, arbitrary: real },
    { weight: 3, arbitrary: fc.tuple(real, damage).map(([b, d]) => damaged(b, d)) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(npyFraming, fc.nat(64))
        .map(([f, n]) => Uint8Array.from([...npyHeaderBytes(f), ...filler(n, n + 1)])),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
  );
};

const members: fc.Arbitrary<ArchiveMemberInput[]> = fc
  .tuple(
    ...MEMBER_NAMES.map((name) => fc.option(memberData(name.split('.').pop() ?? ''), { freq: 6 })),
  )
  .map((datas) =>
    datas.flatMap((data, i) => (data === null ? [] : [{ name: MEMBER_NAMES[i] as string, data }])),
  );

/** Nested lists numpy's `tolist` makes for a shape: a (1, 2**31, 3, 0) shape holds no element but two billion lists. */
function listsOf(shape: readonly number[]): { lists: number; leaves: number } {
  let lists = 0;
  let leaves = 1;
  for (const d of shape) {
    leaves *= d;
    lists += leaves;
    if (leaves === 0) break;
  }
  return { lists, leaves };
}

/**
 * Values and lists `toArray` makes, numpy's `tolist` semantics: sub-array
 * fields expand into nested lists too. Calls above a million are left out:
 * they materialise what was asked for, as numpy would, and such shapes cost
 * no bytes in a file.
 */
function listCells(shape: readonly number[], dtype: DType): number {
  const { lists, leaves } = listsOf(shape);
  if (leaves === 0) return lists;
  if (dtype.subarray) return lists + leaves * listCells(dtype.subarray.shape, dtype.subarray.base);
  if (dtype.fields)
    return lists + leaves * dtype.fields.reduce((n, f) => n + listCells([], f.dtype), 1);
  return lists + leaves;
}

/** Audits, loads and shows an archive; a loaded value is described and saved again. */
async function exercise(tally: Tally, bytes: Uint8Array): Promise<void> {
  const audit = await attempt(tally, 'getUntrustedTypes', () =>
    getUntrustedTypes(bytes, { plugins }),
  );
  const trusted = audit.ok ? audit.value : [];
  const loaded = await attempt(tally, 'loads', () => loads(bytes, { plugins, trusted }));
  if (audit.ok && !loaded.ok && loaded.error.code === 'UNTRUSTED_TYPES') {
    throw new Error(
      `loads refused types after trusting everything getUntrustedTypes reported (${trusted.join(', ')}): ${loaded.error.message}`,
    );
  }
  if (audit.ok && audit.value.length > 0) {
    const unvetted = await attempt(tally, 'loads untrusted', () => loads(bytes, { plugins }));
    if (unvetted.ok)
      throw new Error(
        `loads succeeded without trusting ${audit.value.join(', ')}, which getUntrustedTypes reported`,
      );
  }
  await attempt(tally, 'visualize', () => visualize(bytes, { plugins, trusted }));
  if (loaded.ok) await roundTrip(tally, loaded.value);
}

/** Refusals a file we saved may meet when loaded again: checks of the data itself. */
const RELOAD_REFUSALS = new Set(['INVALID_DATA', 'LIMIT_EXCEEDED']);

/** Describes a value and saves it; a file we saved must audit and load again. */
async function roundTrip(tally: Tally, value: unknown): Promise<void> {
  await attempt(tally, 'describe', () => describe(value, { plugins }));
  const saved = await attempt(tally, 'dumps', () => dumps(value, { plugins }));
  if (!saved.ok) return;
  const audit = await attempt(tally, 'getUntrustedTypes (saved)', () =>
    getUntrustedTypes(saved.value, { plugins }),
  );
  const reloaded = audit.ok
    ? await attempt(tally, 'loads (saved)', () =>
        loads(saved.value, { plugins, trusted: audit.value }),
      )
    : audit;
  // Loaders check more than writers (a KDTree's idx_array must be a permutation), so a
  // converted or damaged value may save and then be refused as INVALID_DATA; any other
  // refusal means dumps wrote a malformed file.
  if (!reloaded.ok && !RELOAD_REFUSALS.has(reloaded.error.code)) {
    throw new Error(`dumps wrote a file that does not load again: ${reloaded.error.message}`);
  }
}

/** Number tokens of a JSON text (a string's digits may match too, which only changes the string). */
const NUMBER_TOKEN = /(?<=[:[,]\s*)-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?=\s*[,\]}])/g;

/** Python's json writes NaN and ±Infinity where a float is not finite; put them where numbers are. */
const nonFinite = rarely(fc.tuple(fc.nat(), fc.constantFrom('NaN', 'Infinity', '-Infinity')), 4);

function withNonFinite(text: string, change: readonly [number, string] | null): string {
  if (!change) return text;
  const matches = [...text.matchAll(NUMBER_TOKEN)];
  const m = matches[change[0] % Math.max(matches.length, 1)];
  if (!m || m.index === undefined) return text;
  return text.slice(0, m.index) + change[1] + text.slice(m.index + m[0].length);
}

const expectFourPlugins = (): void => {
  expect(plugins.map((p) => p.name).sort()).toEqual([
    '@skops-ts/numpy',
    '@skops-ts/scipy',
    '@skops-ts/sklearn',
    '@skops-ts/xgboost',
  ]);
};

group(`property fuzz (seed ${SEED_TEXT})`, () => {
  it('registers every official plugin and finds fixtures to mix in', () => {
    expectFourPlugins();
    expect(memberPools.get('npy')?.length).toBeGreaterThan(20);
    expect(memberPools.get('npz')?.length).toBeGreaterThan(0);
    expect(archivesToRewrite.length).toBeGreaterThan(10);
    expect(picklesToMutate.length).toBeGreaterThan(10);
  });

  const schemaRuns = fuzzRuns(CI_RUNS.schema);
  it(
    `random schema trees are audited, loaded and shown, or refused with a SkopsError (seed ${SEED_TEXT}, ${schemaRuns} runs)`,
    async () => {
      const tally = new Tally('schema trees');
      try {
        await fc.assert(
          fc.asyncProperty(
            schemaDocument(5),
            members,
            fc.constantFrom('stored', 'deflate'),
            nonFinite,
            async (doc, files, compression, change) => {
              await tally.tick();
              const bytes = writeArchive(
                [
                  {
                    name: 'schema.json',
                    data: encoder.encode(withNonFinite(JSON.stringify(doc), change)),
                  },
                  ...files,
                ],
                { compression },
              );
              await exercise(tally, bytes);
            },
          ),
          params(schemaRuns),
        );
      } finally {
        tally.publish(SEED);
      }
      expect(existsSync(MARKER)).toBe(false);
    },
    TEST_TIMEOUT,
  );

  const npyRuns = fuzzRuns(CI_RUNS.npy);
  it(
    `random .npy headers and payload lengths are read or refused with a SkopsError (seed ${SEED_TEXT}, ${npyRuns} runs)`,
    async () => {
      const tally = new Tally('npy headers');
      const payload = fc.record({
        exact: fc.boolean(),
        length: fc.oneof(fc.nat(64), fc.constantFrom(0, 1, 4095)),
        fill: fc.nat(),
      });
      try {
        await fc.assert(
          fc.asyncProperty(npyFraming, payload, async (framing, p) => {
            await tally.tick();
            const header = npyHeaderBytes(framing);
            let length = p.length;
            if (p.exact) {
              // Aim at the size the header declares so that well-formed headers reach the array code.
              try {
                const layout = readNpyHeader(header);
                const nbytes = layout.shape.reduce((a, d) => a * d, 1) * layout.dtype.itemsize;
                if (nbytes <= 65_536) length = nbytes;
              } catch {
                // Refused headers get the random length.
              }
            }
            const bytes = Uint8Array.from([...header, ...filler(length, p.fill)]);
            await attempt(tally, 'readNpyHeader', () => readNpyHeader(bytes));
            const read = await attempt(tally, 'readNpy', () => readNpy(bytes));
            if (!read.ok) return;
            const array = read.value;
            // toArray materialises every element by design; shapes of zero-size items can declare billions.
            if (listCells(array.shape, array.dtype) <= 1_000_000)
              await attempt(tally, 'toArray', () => array.toArray());
            const written = await attempt(tally, 'writeNpy', () => writeNpy(array));
            if (written.ok) {
              const again = await attempt(tally, 'readNpy (written)', () => readNpy(written.value));
              if (!again.ok)
                throw new Error(
                  `writeNpy wrote a .npy that readNpy refuses: ${again.error.message}`,
                );
            }
            await roundTrip(tally, array);
          }),
          params(npyRuns),
        );
      } finally {
        tally.publish(SEED);
      }
    },
    TEST_TIMEOUT,
  );

  /** Reads, scans and converts one pickle; a converted value is saved and loaded again. */
  async function pickleCalls(tally: Tally, bytes: Uint8Array): Promise<void> {
    await attempt(tally, 'readPickle', () => readPickle(bytes));
    await attempt(tally, 'scanPickle', () => scanPickle(bytes));
    const converted: Outcome<unknown> = await attempt(tally, 'convertJoblib', () =>
      convertJoblib(bytes, { recognisers: RECOGNISERS }),
    );
    if (converted.ok) await roundTrip(tally, converted.value);
  }

  const wrap = fc.constantFrom('none', 'none', 'none', 'zlib', 'gzip');
  const compress = (bytes: Uint8Array, how: string): Uint8Array =>
    how === 'zlib'
      ? new Uint8Array(deflateSync(bytes))
      : how === 'gzip'
        ? new Uint8Array(gzipSync(bytes))
        : bytes;

  const streamRuns = fuzzRuns(CI_RUNS.streams);
  it(
    `random pickle opcode streams and pickled values are read, scanned and converted, or refused with a SkopsError (seed ${SEED_TEXT}, ${streamRuns} runs)`,
    async () => {
      const tally = new Tally('pickle opcode streams');
      try {
        await fc.assert(
          fc.asyncProperty(
            fc.oneof(pickleStream, pickleOfValue),
            wrap,
            rarely(damage, 8),
            async (stream, how, d) => {
              await tally.tick();
              const packed = compress(stream, how);
              await pickleCalls(tally, d ? damaged(packed, d) : packed);
            },
          ),
          params(streamRuns),
        );
      } finally {
        tally.publish(SEED);
      }
    },
    TEST_TIMEOUT,
  );

  const rawRuns = fuzzRuns(CI_RUNS.raw);
  it(
    `random bytes and damaged fixture pickles are read, scanned and converted, or refused with a SkopsError (seed ${SEED_TEXT}, ${rawRuns} runs)`,
    async () => {
      const tally = new Tally('raw and damaged pickles');
      const fixture = fc.constantFrom(...picklesToMutate);
      const input = fc.oneof(
        { weight: 1, arbitrary: rawPickleBytes },
        { weight: 3, arbitrary: fc.tuple(fixture, damage).map(([b, d]) => damaged(b, d)) },
        {
          // A real stream with random opcodes spliced in keeps most of its structure.
          weight: 2,
          arbitrary: fc
            .tuple(fixture, fc.nat(), fc.array(pickleOp, { minLength: 1, maxLength: 4 }))
            .map(([b, at, ops]) => {
              const i = at % (b.length + 1);
              return Uint8Array.from([...b.subarray(0, i), ...ops.flat(), ...b.subarray(i)]);
            }),
        },
      );
      try {
        await fc.assert(
          fc.asyncProperty(input, async (bytes) => {
            await tally.tick();
            await pickleCalls(tally, bytes);
          }),
          params(rawRuns),
        );
      } finally {
        tally.publish(SEED);
      }
    },
    TEST_TIMEOUT,
  );

  const zipRuns = fuzzRuns(CI_RUNS.zip);
  it(
    `zip archives with rewritten local and central header fields are opened, or refused with a SkopsError (seed ${SEED_TEXT}, ${zipRuns} runs)`,
    async () => {
      const tally = new Tally('rewritten zip headers');
      const base = fc.record({
        archive: fc.constantFrom(...archivesToRewrite),
        rezip: fc.constantFrom('python', 'stored', 'deflate', 'zip64'),
      });
      try {
        await fc.assert(
          fc.asyncProperty(
            base,
            fc.array(fieldRewrite, { minLength: 1, maxLength: 3 }),
            async ({ archive, rezip }, rewrites) => {
              await tally.tick();
              let zip = archive;
              if (rezip !== 'python') {
                const opened = await openArchive(memorySource(archive), { limits: DEFAULT_LIMITS });
                const items = await Promise.all(
                  opened.entries.map(async (e) => ({
                    name: e.name,
                    data: await opened.read(e.name),
                  })),
                );
                await opened.close();
                zip = writeArchive(items, {
                  compression: rezip === 'deflate' ? 'deflate' : 'stored',
                  forceZip64: rezip === 'zip64',
                });
              }
              const { bytes } = rewriteZip(zip, zipFields(zip), rewrites);
              const opened = await attempt(tally, 'openArchive', () =>
                openArchive(memorySource(bytes), { limits: DEFAULT_LIMITS }),
              );
              if (opened.ok) {
                for (const e of opened.value.entries)
                  await attempt(tally, 'read member', () => opened.value.read(e.name));
                await opened.value.close();
              }
              await exercise(tally, bytes);
            },
          ),
          params(zipRuns),
        );
      } finally {
        tally.publish(SEED);
      }
    },
    TEST_TIMEOUT,
  );
});
