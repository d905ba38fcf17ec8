import { SkopsError } from '../errors/skops-error.js';
import { parsePyFloat, parsePyInt } from '../json/py-float.js';
import type { Registry } from '../plugin/registry.js';
import { PyType } from '../values/py-refs.js';

/**
 * Converts a dict key string back with its key type, as Python's
 * `key_type(key)` would for the types skops writes — without calling anything:
 * an unknown key type is refused.
 */
export function convertKey(
  keyType: unknown,
  text: string,
  registry: Registry,
  path: string,
): unknown {
  if (!PyType.is(keyType)) {
    throw new SkopsError(
      'INVALID_DATA',
      `A dict key type must be a type, got ${describeKind(keyType)}.`,
      { path },
    );
  }
  const fail = (): never => {
    throw new SkopsError('INVALID_DATA', `Dict key "${text}" is not a valid ${keyType.fullName}.`, {
      path,
    });
  };
  switch (keyType.fullName) {
    case 'builtins.str':
      return text;
    case 'builtins.int':
      return parsePyInt(text) ?? fail();
    case 'builtins.float':
      return parsePyFloat(text) ?? fail();
    case 'builtins.bool':
      return text.length > 0;
  }
  const converter = registry.keyConverter(keyType.fullName);
  if (!converter) {
    throw new SkopsError(
      'INVALID_DATA',
      `Dict keys of type ${keyType.fullName} cannot be rebuilt: no registered plugin knows that type, and skops-ts never calls a type to convert a key.`,
      { path },
    );
  }
  return converter.convert(text, keyType.fullName);
}

function describeKind(value: unknown): string {
  if (value === null) return 'None';
  return typeof value === 'object' ? (value.constructor?.name ?? 'an object') : typeof value;
}
