import { PyByteArray, PyDict, PyObject, isJsonNumber, parseJson } from '@skops-ts/core';
import type { Reviver } from '@skops-ts/core';
import type { SchemaNode } from './fixture-files.js';

/**
 * A test-only stand-in for core's loader, enough for XGBoost estimators:
 * DictNode (str keys), JsonNode, BytearrayNode and ObjectNode (handed to the
 * plugin's revivers); other nodes load as undefined. Core's `loads` replaces it.
 */
export async function loadSchemaValue(
  node: unknown,
  member: (name: string) => Promise<Uint8Array>,
  revivers: readonly Reviver[],
): Promise<unknown> {
  if (typeof node !== 'object' || node === null) return undefined;
  const n = node as SchemaNode;
  switch (n.__loader__) {
    case 'JsonNode': {
      const value = parseJson(n.content as string, { allowNonFinite: true });
      if (!isJsonNumber(value)) return typeof value === 'object' ? undefined : value;
      return /^-?[0-9]+$/.test(value.text) ? BigInt(value.text) : Number(value.text);
    }
    case 'BytearrayNode':
      return new PyByteArray(await member(n.file as string));
    case 'DictNode': {
      const dict = new PyDict();
      for (const [k, v] of Object.entries(n.content as Record<string, unknown>))
        dict.set(k, await loadSchemaValue(v, member, revivers));
      return dict;
    }
    case 'ObjectNode': {
      const className = `${n.__module__}.${n.__class__}`;
      const object = new PyObject(
        n.__module__ as string,
        n.__class__ as string,
        await loadSchemaValue(n.content, member, revivers),
      );
      const reviver = revivers.find((r) => r.classes.includes(className));
      if (!reviver) return object;
      const ctx = {
        path: '$',
        limits: { maxDepth: 1000 },
        error: (message: string) => new Error(message),
      } as unknown as Parameters<Reviver['revive']>[1];
      return reviver.revive(object, ctx);
    }
    default:
      return undefined;
  }
}
