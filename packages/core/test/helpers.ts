import { writeArchive } from '@skops-ts/core';

/** A skops archive holding `schema` (a JSON-able object) and optional members, for crafted test files. */
export function skopsFile(schema: unknown, members: Record<string, Uint8Array> = {}): Uint8Array {
  const entries = Object.entries(members).map(([name, data]) => ({ name, data }));
  const text = typeof schema === 'string' ? schema : JSON.stringify(schema);
  return writeArchive([...entries, { name: 'schema.json', data: new TextEncoder().encode(text) }], {
    compression: 'stored',
  });
}

let nextId = 1000;

/** A JsonNode state. */
export const json = (content: string) => ({
  __class__: 'str',
  __module__: 'builtins',
  __loader__: 'JsonNode',
  content,
  is_json: true,
  __id__: nextId++,
});

/** A node state with a fresh id. */
export const node = (
  loader: string,
  module: string,
  cls: string,
  extra: Record<string, unknown> = {},
) => ({
  __class__: cls,
  __module__: module,
  __loader__: loader,
  ...extra,
  __id__: nextId++,
});

/** A root state: the node plus protocol and version. */
export const root = (state: Record<string, unknown>, protocol: unknown = 2) => ({
  ...state,
  protocol,
  _skops_version: '0.15.dev0',
});

/** The typed error code a promise rejects with. */
export async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (err) {
    return (err as { code?: string }).code ?? `untyped: ${String(err)}`;
  }
}

/**
 * `n` pseudo-random bytes, the same for the same seed. The seed also picks
 * the generator's increment, so two seeds give different streams rather than
 * one stream shifted (a test may look for one member's bytes in an archive).
 */
export function randomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  const increment = (2 * seed + 1) >>> 0;
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + increment) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}
