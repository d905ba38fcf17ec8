import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './cli.js';

/** The sidecar fields of a pickle or joblib fixture these tests use (fixtures/pickle/README.md, fixtures/hostile/README.md). */
export interface PickleSidecar {
  readonly file: string;
  readonly python?: Record<string, string>;
  readonly compression?: string;
  readonly pickle_protocol?: number;
  readonly globals?: string[];
  readonly globals_py3?: string[];
  readonly opcodes?: string[];
  readonly joblib_arrays?: unknown[];
  readonly convertible?: boolean;
  readonly or_error?: boolean;
  readonly skops_untrusted_types?: string[] | null;
  readonly scan_error?: unknown;
  readonly expect?: {
    readonly error?: boolean;
    readonly error_should_mention?: readonly string[];
    readonly untrusted?: readonly string[];
    readonly or_error?: boolean;
  };
}

/** A pickle or joblib fixture and its sidecar. */
export interface PickleCase {
  readonly name: string;
  readonly file: string;
  readonly sidecar: PickleSidecar;
}

/** Every `NAME.json` of a fixture folder whose `file` is a `.pkl` or `.joblib` file. */
export function pickleCases(folder: 'pickle' | 'hostile'): PickleCase[] {
  const dir = join(FIXTURES, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'skops_trusted_types.json')
    .sort()
    .map((f) => ({
      name: f.replace(/\.json$/, ''),
      sidecar: JSON.parse(readFileSync(join(dir, f), 'utf8')) as PickleSidecar,
    }))
    .filter(
      ({ sidecar }) => typeof sidecar.file === 'string' && /\.(pkl|joblib)$/.test(sidecar.file),
    )
    .map(({ name, sidecar }) => ({ name, file: join(dir, sidecar.file), sidecar }));
}
