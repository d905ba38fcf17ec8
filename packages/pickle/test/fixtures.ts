import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const FIXTURES = process.env.SKOPS_FIXTURES ?? path.resolve(__dirname, '../../../fixtures');

/** A pickle/joblib fixture and its sidecar. */
export interface PickleFixture {
  readonly name: string;
  readonly dir: 'pickle' | 'hostile';
  /** The pickle or joblib file's path. */
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly sidecar: Record<string, unknown>;
}

/** Every pickle or joblib case of fixtures/pickle and fixtures/hostile, by sidecar. */
export function pickleFixtures(): PickleFixture[] {
  const out: PickleFixture[] = [];
  for (const dir of ['pickle', 'hostile'] as const) {
    const folder = path.join(FIXTURES, dir);
    for (const file of readdirSync(folder).sort()) {
      if (!file.endsWith('.json') || file === 'skops_trusted_types.json') continue;
      const sidecar = JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as Record<
        string,
        unknown
      >;
      const target = sidecar.file;
      if (typeof target !== 'string' || !/\.(pkl|joblib)$/.test(target)) continue;
      out.push({
        name: file.replace(/\.json$/, ''),
        dir,
        file: path.join(folder, target),
        bytes: new Uint8Array(readFileSync(path.join(folder, target))),
        sidecar,
      });
    }
  }
  return out;
}
