import {
  isJsonObject,
  makeJsonObject,
  type JsonObject,
  type ConstructContext,
  type InertNode,
  type ParseContext,
  type Parsed,
} from '@skops-ts/core';

/**
 * The children of Python's `ReduceNode` (TreeNode, LossNode): `attrs` from
 * `content`, `args` from `__reduce__.args` and `constructor`, a TypeNode of
 * the class the node will build. All get the node's own trusted list, as in
 * Python, so the class a TreeNode or LossNode trusts is trusted below it too.
 */
export function reduceChildren(
  state: JsonObject,
  ctx: ParseContext,
  ctor: { module: string; name: string },
): Parsed {
  const reduce = state.get('__reduce__');
  if (!isJsonObject(reduce))
    throw ctx.error('"__reduce__" must be an object holding "args".', '__reduce__');
  if (!reduce.has('args')) throw ctx.error('"__reduce__" has no "args".', '__reduce__');
  if (!state.has('content')) throw ctx.error('The node has no "content".', 'content');
  const own = [...ctx.trusted];
  const attrs = ctx.child(state.get('content'), 'content', own);
  const args = ctx.child(reduce.get('args'), '__reduce__.args', own);
  const constructor = ctx.child(
    makeJsonObject([
      ['__class__', ctor.name],
      ['__module__', ctor.module],
      ['__loader__', 'TypeNode'],
    ]),
    'constructor',
    own,
  );
  return {
    children: [
      ['attrs', { kind: 'node', node: attrs }],
      ['args', { kind: 'node', node: args }],
      ['constructor', { kind: 'node', node: constructor }],
    ],
  };
}

/** The node held by a named child. */
export function childNode(node: InertNode, name: string): InertNode {
  for (const [key, child] of node.children) {
    if (key === name && child.kind === 'node') return child.node;
  }
  throw new Error(`internal: ${node.loader} has no child "${name}"`);
}

/** Constructs the `args` and `attrs` children. */
export function constructReduce(
  node: InertNode,
  ctx: ConstructContext,
): { args: unknown; attrs: unknown } {
  return {
    args: ctx.construct(childNode(node, 'args')),
    attrs: ctx.construct(childNode(node, 'attrs')),
  };
}
