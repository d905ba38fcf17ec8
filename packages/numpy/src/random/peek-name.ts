import { isJsonObject, parseJson, type JsonValue } from '@skops-ts/core';

/**
 * The bit generator name inside a DictNode state, read without building
 * anything (`content.bit_generator` is a JsonNode holding a JSON string), so
 * that a foreign class is refused before the audit; undefined when the state
 * does not have that plain form (construct checks it then).
 */
export function peekBitGeneratorName(dictState: JsonValue | undefined): unknown {
  if (!isJsonObject(dictState)) return undefined;
  const content = dictState.get('content');
  if (!isJsonObject(content)) return undefined;
  const node = content.get('bit_generator');
  if (!isJsonObject(node) || node.get('__loader__') !== 'JsonNode') return undefined;
  const text = node.get('content');
  if (typeof text !== 'string') return undefined;
  try {
    return parseJson(text, { maxDepth: 4 });
  } catch {
    return undefined;
  }
}
