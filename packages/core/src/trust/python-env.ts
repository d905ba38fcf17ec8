import type { PythonEnv } from '../plugin/types.js';

/** The newest library versions whose default trusted lists we know. */
export const NEWEST_PYTHON_ENV: Required<PythonEnv> = Object.freeze({
  sklearn: '1.9.1',
  numpy: '2.4.6',
  scipy: '1.17.1',
});

/** Fills unset versions with the newest known. */
export function resolvePythonEnv(env: PythonEnv | undefined): Required<PythonEnv> {
  return Object.freeze({
    ...NEWEST_PYTHON_ENV,
    ...Object.fromEntries(Object.entries(env ?? {}).filter(([, v]) => v !== undefined)),
  });
}

/** Compares dotted version strings numerically (`1.10.1` > `1.9`); suffixes such as `rc1` are ignored. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((p) => parseInt(p, 10) || 0);
  const pb = b.split('.').map((p) => parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Parses the CLI form `sklearn=1.2.1,numpy=1.24.2,scipy=1.10.1`. */
export function parsePythonEnv(text: string): PythonEnv {
  const env: Record<string, string> = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, version] = part.split('=');
    if (
      !name ||
      !version ||
      !['sklearn', 'numpy', 'scipy'].includes(name) ||
      !/^\d+(\.\d+)*/.test(version)
    ) {
      throw new Error(
        `Cannot read "${part}": write the Python environment as sklearn=1.2.1,numpy=1.24.2,scipy=1.10.1.`,
      );
    }
    env[name] = version;
  }
  return env;
}
