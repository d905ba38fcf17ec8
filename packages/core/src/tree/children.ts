import type { Child, InertNode } from '../plugin/types.js';

/** The nodes directly below `node`, in order. */
export function childNodes(node: InertNode): InertNode[] {
  const out: InertNode[] = [];
  for (const [, child] of node.children) pushChildNodes(child, out);
  return out;
}

function pushChildNodes(child: Child, out: InertNode[]): void {
  if (child.kind === 'node') out.push(child.node);
  else if (child.kind === 'list') out.push(...child.nodes);
  else if (child.kind === 'map') for (const [, n] of child.entries) out.push(n);
}
