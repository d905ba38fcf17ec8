import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PYTHON = process.env.SKOPS_PYTHON ?? '/usr/bin/python3';
const here = dirname(fileURLToPath(import.meta.url));

function pythonEnv(): NodeJS.ProcessEnv {
  const source = process.env.SKOPS_PYTHON_SOURCE;
  return source ? { ...process.env, PYTHONPATH: source } : process.env;
}

/** Why Python skops cannot be used as the oracle here, or undefined when it can. */
export function pythonSkopsMissing(): string | undefined {
  if (!existsSync(PYTHON)) return `${PYTHON} does not exist`;
  try {
    execFileSync(PYTHON, ['-c', 'import skops.io, sklearn'], { env: pythonEnv(), stdio: 'pipe' });
    return undefined;
  } catch {
    return `${PYTHON} cannot import skops.io and sklearn (install skops, or set SKOPS_PYTHON_SOURCE to a folder holding the skops package)`;
  }
}

/** What Python skops' visualize prints for each file (null where Python itself fails). */
export function pythonVisualize(files: readonly string[]): Record<string, string | null> {
  const out = execFileSync(PYTHON, [join(here, 'visualize-oracle.py'), ...files], {
    env: pythonEnv(),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(out) as Record<string, string | null>;
}
