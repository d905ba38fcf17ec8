import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** A Python interpreter that has numpy, or null (interop tests then skip with a message). */
export function findNumpyPython(): string | null {
  for (const candidate of [process.env.SKOPS_PYTHON, '/usr/bin/python3', 'python3']) {
    if (!candidate || (candidate.startsWith('/') && !existsSync(candidate))) continue;
    const probe = spawnSync(candidate, ['-c', 'import numpy'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return null;
}

/** Runs a Python script and returns its stdout; throws with stderr when it fails. */
export function runPython(python: string, script: string, args: string[] = []): string {
  const result = spawnSync(python, ['-c', script, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`python failed (${result.status}):\n${result.stderr}`);
  return result.stdout;
}
