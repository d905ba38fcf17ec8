import type { InertNode } from '../plugin/types.js';
import { childNodes } from './children.js';

/** The names a node reports about itself, ignoring its children. */
export function selfUnsafe(node: InertNode): string[] {
  const rule = node.handler.audit ?? { kind: 'default' };
  switch (rule.kind) {
    case 'never':
      return [];
    case 'name': {
      const name = rule.name(node);
      return node.trusted.has(name) ? [] : [name];
    }
    case 'default':
    case 'extra': {
      const own =
        rule.kind === 'extra' && rule.self ? rule.self(node) : `${node.module}.${node.className}`;
      const out = node.trusted.has(own) ? [] : [own];
      if (rule.kind === 'extra') out.push(...rule.extra(node));
      return out;
    }
  }
}

/** Whether the audit looks below this node (JsonNode, SliceNode and FunctionNode answer for themselves). */
function auditsChildren(node: InertNode): boolean {
  const kind = node.handler.audit?.kind ?? 'default';
  return kind === 'default' || kind === 'extra';
}

/** Adds the names a node reports about itself to `out` (what {@link selfUnsafe} lists), without a list per node. */
function addSelfUnsafe(node: InertNode, out: Set<string>): void {
  const rule = node.handler.audit;
  if (rule === undefined || rule.kind === 'default') {
    const own = `${node.module}.${node.className}`;
    if (!node.trusted.has(own)) out.add(own);
    return;
  }
  for (const name of selfUnsafe(node)) out.add(name);
}

/**
 * Python's `get_unsafe_set` over the whole tree: every node reachable through
 * audited children adds what it reports about itself. Iterative and visiting
 * each node once, so shared subtrees cost nothing extra and cycles end.
 */
export function unsafeSet(root: InertNode): Set<string> {
  const out = new Set<string>();
  const seen = new Set<InertNode>([root]);
  const stack = [root];
  const visit = (child: InertNode): void => {
    if (!seen.has(child)) {
      seen.add(child);
      stack.push(child);
    }
  };
  while (stack.length > 0) {
    const node = stack.pop() as InertNode;
    addSelfUnsafe(node, out);
    if (!auditsChildren(node)) continue;
    for (const [, child] of node.children) {
      if (child.kind === 'node') visit(child.node);
      else if (child.kind === 'list') for (const n of child.nodes) visit(n);
      else if (child.kind === 'map') for (const [, n] of child.entries) visit(n);
    }
  }
  return out;
}

/** Whether a node and everything below it is safe (Python's `is_safe`), memoised across calls. */
export function safetyOf(): (node: InertNode) => boolean {
  const cache = new Map<InertNode, boolean>();
  const compute = (start: InertNode): boolean => {
    // Post-order without recursion; a node met again while in progress counts
    // as safe, as Python's recursion guard does.
    const inProgress = new Set<InertNode>();
    const stack: { node: InertNode; expanded: boolean }[] = [{ node: start, expanded: false }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { node: InertNode; expanded: boolean };
      if (cache.has(top.node)) {
        stack.pop();
        continue;
      }
      const kids = auditsChildren(top.node) ? childNodes(top.node) : [];
      if (!top.expanded) {
        top.expanded = true;
        inProgress.add(top.node);
        for (const kid of kids)
          if (!cache.has(kid) && !inProgress.has(kid)) stack.push({ node: kid, expanded: false });
        continue;
      }
      stack.pop();
      inProgress.delete(top.node);
      cache.set(
        top.node,
        selfUnsafe(top.node).length === 0 && kids.every((k) => cache.get(k) ?? true),
      );
    }
    return cache.get(start) ?? true;
  };
  return (node) => cache.get(node) ?? compute(node);
}

/** Python's `is_self_safe`: the node's own type is trusted (the label tag in `visualize`). */
export function isSelfSafe(node: InertNode): boolean {
  const rule = node.handler.audit ?? { kind: 'default' };
  if (rule.kind === 'never') return true;
  if (rule.kind === 'name') return node.trusted.has(rule.name(node));
  if (rule.kind === 'extra' && rule.self) return node.trusted.has(rule.self(node));
  return node.trusted.has(`${node.module}.${node.className}`);
}
