import type { PythonEnv } from '@skops-ts/core';

/** `[major, minor]` of the environment's scipy version; unparsable versions count as the newest. */
export function scipyVersion(env: Required<PythonEnv>): readonly [number, number] {
  const m = /^\s*(\d+)\.(\d+)/.exec(env.scipy);
  return m ? [Number(m[1]), Number(m[2])] : [Number.POSITIVE_INFINITY, 0];
}

/** True when the environment's scipy is `major.minor` or later. */
export function scipyAtLeast(env: Required<PythonEnv>, major: number, minor: number): boolean {
  const [a, b] = scipyVersion(env);
  return a > major || (a === major && b >= minor);
}
