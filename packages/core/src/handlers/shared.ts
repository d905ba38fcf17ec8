import { isJsonArray, isJsonObject } from '../json/json-object.js';
import type { JsonObject, JsonValue } from '../json/types.js';
import type { Child, InertNode, ParseContext } from '../plugin/types.js';

/** The node's `content` (or another key) as an object, or an INVALID_SCHEMA error. */
export function objectAt(state: JsonObject, key: string, ctx: ParseContext): JsonObject {
  const value = state.get(key);
  if (!isJsonObject(value)) throw ctx.error(`"${key}" must be an object.`, key);
  return value;
}

/** The node's `content` (or another key) as an array, or an INVALID_SCHEMA error. */
export function arrayAt(state: JsonObject, key: string, ctx: ParseContext): readonly JsonValue[] {
  const value = state.get(key);
  if (!isJsonArray(value)) throw ctx.error(`"${key}" must be an array.`, key);
  return value;
}

/** A list child parsed from an array of node states. */
export function listChild(items: readonly JsonValue[], key: string, ctx: ParseContext): Child {
  return { kind: 'list', nodes: items.map((item, i) => ctx.child(item, `${key}[${i}]`)) };
}

/** The node held by a named `node` child. */
export function nodeChild(node: InertNode, name: string): InertNode {
  for (const [key, child] of node.children) {
    if (key === name && child.kind === 'node') return child.node;
  }
  throw new Error(`internal: ${node.loader} has no child node "${name}"`);
}

/** The nodes held by a named `list` child. */
export function listNodes(node: InertNode, name: string): readonly InertNode[] {
  for (const [key, child] of node.children) {
    if (key === name && child.kind === 'list') return child.nodes;
  }
  throw new Error(`internal: ${node.loader} has no child list "${name}"`);
}
