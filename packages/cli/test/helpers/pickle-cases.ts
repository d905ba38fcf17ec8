import { pickleFixtures } from '../../../pickle/test/fixtures.js';

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

/** Every pickle or joblib fixture of a folder (the pickle package's list). */
export function pickleCases(folder: 'pickle' | 'hostile'): PickleCase[] {
  return (
    pickleFixtures()
      .filter((f) => f.dir === folder)
      // pickleFixtures keeps only sidecars whose `file` names a .pkl or .joblib file.
      .map(({ name, file, sidecar }) => ({
        name,
        file,
        sidecar: sidecar as unknown as PickleSidecar,
      }))
  );
}
