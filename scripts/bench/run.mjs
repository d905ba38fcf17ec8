// `npm run bench`: builds the inputs, measures every operation in fresh child
// processes, and writes the results into docs/performance.md.
//
//   node scripts/bench/run.mjs [--quick] [--no-huge] [--no-build] [--runs N]
//                              [--dir CACHE_DIR] [--out FILE] [--only INPUT,...]
//
// --quick     inputs at 1/8 and 1/32 of full size, 3 runs each, no > 4 GiB input
// --no-huge   skip the > 4 GiB (ZIP64) input
// --no-build  use packages/core and packages/numpy dist as they are
// --runs N    runs per measurement (default: 5 below 100 MB, 3 below 1 GB, 1 above)
// --dir       where inputs are built and kept between runs (default: $TMPDIR/skops-ts-bench)
// --out       the Markdown file to update (default: docs/performance.md)
// --only      measure only these inputs (arrays, forest, pipeline, hgb, huge)
// --prepare-only  build the input files and stop
// --resume    keep the measurements of the last run's results.json that match, measure the rest
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderReport, writeReport } from './report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const PYTHON = '/usr/bin/python3';

function parseArgs(argv) {
  const opts = {
    quick: false,
    huge: true,
    build: true,
    runs: null,
    dir: join(tmpdir(), 'skops-ts-bench'),
    out: join(root, 'docs/performance.md'),
    only: null,
    prepareOnly: false,
    resume: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') opts.quick = true;
    else if (a === '--no-huge') opts.huge = false;
    else if (a === '--no-build') opts.build = false;
    else if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a === '--dir') opts.dir = resolve(argv[++i]);
    else if (a === '--out') opts.out = resolve(argv[++i]);
    else if (a === '--only') opts.only = argv[++i].split(',');
    else if (a === '--prepare-only') opts.prepareOnly = true;
    else if (a === '--resume') opts.resume = true;
    else
      throw new Error(`Unknown option ${a}; see the comment at the top of scripts/bench/run.mjs.`);
  }
  if (opts.quick) opts.huge = false;
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const started = new Date();
const log = (msg) =>
  process.stderr.write(
    `[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${msg}\n`,
  );

function pythonHas(modules) {
  return spawnSync(PYTHON, ['-c', `import ${modules}`], { stdio: 'ignore' }).status === 0;
}

function build() {
  log('building @skops-ts/core, @skops-ts/numpy and @skops-ts/pickle');
  execFileSync(
    'npx',
    [
      'nx',
      'run-many',
      '-t',
      'build',
      '-p',
      '@skops-ts/core',
      '@skops-ts/numpy',
      '@skops-ts/pickle',
      '--output-style=static',
    ],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

/** Our LZMA decoder is internal to core; bundle it from source to time it alone. */
async function bundleLzmaDecoder(dir) {
  const { build: esbuild } = await import('esbuild');
  const out = join(dir, 'lzma-decoder.mjs');
  const src = join(root, 'packages/core/src/archive');
  await esbuild({
    stdin: {
      contents: `export { decodeZipLzma } from ${JSON.stringify(join(src, 'lzma-decoder.ts'))};\nexport { MemberOutput } from ${JSON.stringify(join(src, 'member-output.ts'))};`,
      resolveDir: src,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    outfile: out,
    logLevel: 'error',
  });
  return out;
}

/** A key that changes when the builders change, so cached inputs are rebuilt. */
function inputsKey(sources) {
  const h = createHash('sha256');
  for (const f of sources) h.update(readFileSync(join(here, f)));
  return h.digest('hex').slice(0, 12);
}

function node(args, what) {
  const r = spawnSync(process.execPath, args, { cwd: here, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Builds (or reuses) the files of one input at one scale. */
function prepare(input, scale, variants) {
  const base = join(opts.dir, `${input}-${scale}`);
  const manifestPath = `${base}.json`;
  const key = inputsKey(['inputs.mjs', 'prepare.mjs', 'lzma_zip.py']);
  const pickleKey = inputsKey(['make_pickles.py']);
  const files = {
    stored: `${base}.stored.skops`,
    deflate: `${base}.deflate.skops`,
    lzma: `${base}.lzma.skops`,
    pickle: `${base}.pkl`,
    joblib: `${base}.joblib`,
  };
  let manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : null;
  const skops = variants.filter((v) => v !== 'pickle' && v !== 'joblib');
  if (manifest?.key !== key || !skops.every((v) => existsSync(files[v]))) {
    log(`building ${input} at scale ${scale} (${skops.join(', ')})`);
    const args = ['--max-old-space-size=16384', 'prepare.mjs', input, String(scale), files.stored];
    if (variants.includes('deflate')) args.push(files.deflate);
    manifest = { key, ...node(args, `Building ${input}`) };
    if (variants.includes('lzma')) {
      log(`compressing ${input} at scale ${scale} with LZMA (Python zipfile)`);
      execFileSync(PYTHON, [join(here, 'lzma_zip.py'), 'convert', files.stored, files.lzma], {
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    }
  }
  if (
    variants.includes('pickle') &&
    (manifest.pickleKey !== pickleKey || !existsSync(files.pickle) || !existsSync(files.joblib))
  ) {
    log(`writing ${input} at scale ${scale} as pickle and joblib (Python)`);
    execFileSync(
      PYTHON,
      [join(here, 'make_pickles.py'), String(scale), files.pickle, files.joblib],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    manifest.pickleKey = pickleKey;
  }
  manifest.sizes = {};
  for (const v of variants)
    manifest.sizes[v] = Number(execFileSync('stat', ['-c', '%s', files[v]], { encoding: 'utf8' }));
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { manifest, files };
}

/** The line of a child's error output that says what went wrong. */
function firstError(error) {
  const lines = error.message.split('\n');
  return (
    lines.find((l) => /Error\b.*:/.test(l) && !l.includes('failed (exit')) ?? lines[0]
  ).trim();
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function runsFor(size, op) {
  if (opts.runs) return opts.runs;
  if (opts.quick) return 3;
  const slow = op === 'dumps' || op === 'dump' || op === 'lzma' || op === 'liblzma';
  if (size > 1e9) return 1;
  if (size > 1e8) return slow ? 2 : 3;
  return 5;
}

/** Runs one measurement `runs` times, each in a fresh process; returns medians. */
function measure(spec, size) {
  const runs = runsFor(size, spec.op);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    if (spec.op === 'liblzma') {
      const out = JSON.parse(
        execFileSync(PYTHON, [join(here, 'lzma_zip.py'), 'inflate', spec.file], {
          encoding: 'utf8',
        }),
      );
      samples.push({ ms: out.ms, rssBefore: null, maxRss: null });
    } else {
      samples.push(
        node(
          ['--expose-gc', '--max-old-space-size=16384', 'measure.mjs', JSON.stringify(spec)],
          `${spec.op} of ${spec.file}`,
        ),
      );
    }
  }
  const peaks = samples.filter((s) => s.maxRss !== null);
  return {
    runs,
    ms: median(samples.map((s) => s.ms)),
    msAll: samples.map((s) => Math.round(s.ms)),
    maxRss: peaks.length ? median(peaks.map((s) => s.maxRss)) : null,
    addedRss: peaks.length ? median(peaks.map((s) => s.maxRss - s.rssBefore)) : null,
  };
}

const OPS = {
  stored: [
    'read',
    'json',
    'copy',
    'write',
    'load',
    'loads',
    'untrusted',
    'untrusted-bytes',
    'dump',
    'dumps',
  ],
  deflate: ['read', 'write', 'zlib', 'fflate', 'load', 'loads', 'untrusted', 'dump', 'dumps'],
  lzma: ['read', 'lzma', 'liblzma', 'load', 'loads', 'untrusted'],
  // A Uint8Array holds at most 4 GiB in Node 20, so the > 4 GiB file has no loads / dumps.
  huge: ['read', 'copy', 'write', 'load', 'untrusted', 'dump'],
  // The equivalent Python pickle / joblib file, converted to a skops value.
  pickle: ['read', 'convert'],
  joblib: ['read', 'convert'],
};

async function main() {
  mkdirSync(opts.dir, { recursive: true });
  if (opts.build) build();
  const lzma = pythonHas('lzma, zipfile');
  if (!lzma) log(`no ${PYTHON} with lzma: the LZMA inputs are left out`);
  const pickles = pythonHas('numpy, joblib');
  if (!pickles) log(`no ${PYTHON} with numpy and joblib: the pickle / joblib inputs are left out`);
  const lzmaDecoder = await bundleLzmaDecoder(opts.dir);
  const [big, small] = opts.quick ? [1 / 8, 1 / 32] : [1, 1 / 4];
  const plan = [];
  for (const input of ['arrays', 'forest', 'pipeline', 'hgb']) {
    if (opts.only && !opts.only.includes(input)) continue;
    // Only the array dict has a Python twin: the forest and models need the sklearn recognisers.
    const converted = pickles && input === 'arrays' ? ['pickle', 'joblib'] : [];
    plan.push({
      input,
      scale: small,
      variants: ['stored', 'deflate', ...(lzma ? ['lzma'] : []), ...converted],
    });
    plan.push({ input, scale: big, variants: ['stored', 'deflate', ...converted] });
  }
  if (opts.huge && (!opts.only || opts.only.includes('huge')))
    plan.push({ input: 'huge', scale: 1, variants: ['stored'] });

  const loadBefore = loadavg();
  const resultsPath = join(opts.dir, 'results.json');
  const previous =
    opts.resume && existsSync(resultsPath)
      ? JSON.parse(readFileSync(resultsPath, 'utf8')).results
      : [];
  const results = [];
  const inputs = [];
  const failures = [];
  for (const { input, scale, variants } of plan) {
    let prepared;
    try {
      prepared = prepare(input, scale, variants);
    } catch (error) {
      log(
        `FAILED to build ${input} ×${scale}: ${error.message.split('\n').slice(0, 12).join('\n')}`,
      );
      failures.push({ input, scale, op: 'build', message: firstError(error) });
      continue;
    }
    const { manifest, files } = prepared;
    inputs.push({ input, scale, manifest });
    if (opts.prepareOnly) continue;
    for (const variant of variants) {
      const size = manifest.sizes[variant];
      const ops = input === 'huge' ? OPS.huge : OPS[variant];
      for (const op of ops) {
        const kept = previous.find(
          (r) =>
            r.input === input &&
            r.scale === scale &&
            r.variant === variant &&
            r.op === op &&
            r.size === size,
        );
        if (kept) {
          results.push(kept);
          continue;
        }
        const spec = {
          op,
          variant,
          file: files[variant],
          input,
          scale,
          compression: variant === 'deflate' ? 'deflate' : 'stored',
          trusted: manifest.untrusted,
          lzmaDecoder,
        };
        log(`${input} ×${scale} ${variant}: ${op}`);
        try {
          results.push({
            input,
            scale,
            variant,
            op,
            size,
            nodes: manifest.nodes,
            members: manifest.members,
            ...measure(spec, size),
          });
        } catch (error) {
          log(`FAILED: ${error.message.split('\n').slice(0, 12).join('\n')}`);
          failures.push({ input, scale, variant, op, message: firstError(error) });
        }
        writeFileSync(resultsPath, JSON.stringify({ results }, null, 2));
      }
    }
  }
  if (opts.prepareOnly) return;
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memory: totalmem(),
    node: process.version,
    python: lzma ? execFileSync(PYTHON, ['--version'], { encoding: 'utf8' }).trim() : null,
    date: started.toISOString(),
    minutes: (Date.now() - started) / 60000,
    loadBefore,
    loadAfter: loadavg(),
    args: process.argv.slice(2).join(' '),
    commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
    }).trim(),
  };
  writeFileSync(resultsPath, JSON.stringify({ machine, inputs, results, failures }, null, 2));
  writeReport(opts.out, renderReport({ machine, inputs, results, failures }));
  log(`wrote ${opts.out} (raw results: ${join(opts.dir, 'results.json')})`);
}

await main();
