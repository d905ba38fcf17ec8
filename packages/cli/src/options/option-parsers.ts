import { DEFAULT_LIMITS, parsePythonEnv, type Limits, type PythonEnv } from '@skops-ts/core';
import { InvalidArgumentError } from 'commander';

/** `--trusted TYPE`, repeatable: collects the type names in order. */
export function collectTrusted(value: string, previous: readonly string[] = []): string[] {
  const name = value.trim();
  if (!/^[^\s,]+$/.test(name)) {
    throw new InvalidArgumentError(
      'give one full type name per --trusted, such as sklearn.linear_model._logistic.LogisticRegression.',
    );
  }
  return [...previous, name];
}

/** `--python-env sklearn=1.2.1,numpy=1.24.2,scipy=1.10.1`. */
export function parsePythonEnvOption(value: string): PythonEnv {
  try {
    return parsePythonEnv(value);
  } catch (err) {
    throw new InvalidArgumentError(err instanceof Error ? err.message : String(err));
  }
}

const SUFFIX: Readonly<Record<string, number>> = {
  '': 1,
  k: 1024,
  m: 1024 ** 2,
  g: 1024 ** 3,
  t: 1024 ** 4,
};

/** `--limit NAME=N`, repeatable; N may end in k, m, g or t (powers of 1024). */
export function collectLimit(value: string, previous: Partial<Limits> = {}): Partial<Limits> {
  const match = /^([A-Za-z]+)=(\d{1,15})([kmgt]?)$/i.exec(value.trim());
  const known = Object.keys(DEFAULT_LIMITS);
  if (!match)
    throw new InvalidArgumentError(
      `write it as NAME=N (N a whole number, optionally with k, m, g or t); NAME is one of ${known.join(', ')}.`,
    );
  const [, name = '', digits = '', suffix = ''] = match;
  if (!known.includes(name))
    throw new InvalidArgumentError(`unknown limit "${name}"; known limits: ${known.join(', ')}.`);
  const amount = Number(digits) * (SUFFIX[suffix.toLowerCase()] ?? 1);
  if (!(amount > 0) || !Number.isSafeInteger(amount))
    throw new InvalidArgumentError(`the limit ${name} must be a positive whole number below 2^53.`);
  return { ...previous, [name]: amount };
}
