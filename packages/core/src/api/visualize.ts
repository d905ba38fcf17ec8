import { memorySource } from '../archive/memory-source.js';
import { LimitExceededError } from '../errors/limit-exceeded-error.js';
import type { Child, InertNode } from '../plugin/types.js';
import { isSelfSafe, safetyOf } from '../tree/audit.js';
import { childNodes } from '../tree/children.js';
import { checkTrusted, openSkops } from './open-skops.js';
import type { LoadOptions } from './options.js';

/** One line of the tree `visualize` prints (Python's `NodeInfo`). */
export interface VisualNode {
  readonly level: number;
  readonly key: string;
  readonly value: string;
  /** The node's own type is trusted. */
  readonly selfSafe: boolean;
  /** The node and everything below it are trusted. */
  readonly safe: boolean;
  readonly isLast: boolean;
}

/** Which nodes to show. */
export type VisualizeShow = 'all' | 'untrusted' | 'trusted';

/** Options of {@link visualize}. */
export interface VisualizeOptions extends LoadOptions {
  readonly show?: VisualizeShow;
  /** Appended to trusted labels (default none). */
  readonly tagSafe?: string;
  /** Appended to untrusted labels (default `[UNSAFE]`). */
  readonly tagUnsafe?: string;
  /** Styles a label; the CLI colours with it. Gets the node and its tagged label. */
  readonly style?: (label: string, node: VisualNode) => string;
}

/** The nodes of the tree in Python's `walk_tree` order; `members` holds what labels show (bytes content). */
export function walkTree(
  root: InertNode,
  members: ReadonlyMap<string, Uint8Array> = new Map(),
  maxLines = Infinity,
): VisualNode[] {
  const label = (node: InertNode): string => {
    if (!node.handler.format) return `${node.module}.${node.className}`;
    const name = node.handler.formatMember?.(node);
    return node.handler.format(node, name === undefined ? undefined : members.get(name));
  };
  const safe = safetyOf();
  const out: VisualNode[] = [];
  type Item =
    { node: InertNode; key: string; level: number; isLast: boolean } | { leave: InertNode };
  const stack: Item[] = [{ node: root, key: 'root', level: 0, isLast: false }];
  // Shared nodes are shown at every place, as Python does; a node inside
  // itself (a cycle) is shown once more without its children.
  const onPath = new Set<InertNode>();
  while (stack.length > 0) {
    const item = stack.pop() as Item;
    if ('leave' in item) {
      onPath.delete(item.leave);
      continue;
    }
    const { node, key, level, isLast } = item;
    if (out.length >= maxLines) {
      throw new LimitExceededError(
        'maxNodes',
        out.length + 1,
        maxLines,
        'The tree to show (shared nodes are shown at every place)',
      );
    }
    out.push({
      level,
      key,
      value: label(node),
      selfSafe: isSelfSafe(node),
      safe: safe(node),
      isLast,
    });
    if (node.handler.showChildren === false || onPath.has(node)) continue;
    onPath.add(node);
    stack.push({ leave: node });
    const shown = node.children.filter(([k, c]) => visible(k, c, safe));
    const items: Item[] = [];
    shown.forEach(([k, child], i) => {
      const last = i === shown.length - 1;
      if (child.kind === 'node')
        items.push({ node: child.node, key: k, level: level + 1, isLast: last });
      else if (child.kind === 'list')
        child.nodes.forEach((n, j) =>
          items.push({ node: n, key: k, level: level + 1, isLast: j === child.nodes.length - 1 }),
        );
      else if (child.kind === 'map')
        child.entries.forEach(([mk, n], j) =>
          items.push({
            node: n,
            key: mk,
            level: level + 1,
            isLast: j === child.entries.length - 1,
          }),
        );
    });
    for (let i = items.length - 1; i >= 0; i--) stack.push(items[i] as Item);
  }
  return out;
}

/** `key_types` is noise Python hides when it is safe; data children have nothing to show. */
function visible(key: string, child: Child, safe: (n: InertNode) => boolean): boolean {
  if (child.kind === 'data' || child.kind === 'none') return false;
  if (key === 'key_types' && child.kind === 'node') return !safe(child.node);
  return true;
}

/** Renders nodes as Python's `visualize` prints them without colours. */
export function formatTree(
  nodes: readonly VisualNode[],
  options: Omit<VisualizeOptions, keyof LoadOptions> = {},
): string {
  const show = options.show ?? 'all';
  const tagSafe = options.tagSafe ?? '';
  const tagUnsafe = options.tagUnsafe ?? '[UNSAFE]';
  const text = (node: VisualNode) => {
    const tag = node.selfSafe ? tagSafe : tagUnsafe;
    const l = tag ? `${node.value} ${tag}` : node.value;
    return options.style ? options.style(l, node) : l;
  };
  const [first, ...rest] = nodes;
  if (!first) return '';
  const lines = [`${first.key}: ${text(first)}`];
  let prefix = '';
  let prevLevel = first.level;
  for (const node of rest) {
    const shown = show === 'all' || (show === 'untrusted' ? !node.safe : node.selfSafe);
    if (!shown) continue;
    const levelDiff = prevLevel - node.level;
    for (let i = 0; i < levelDiff + 1; i++) prefix = prefix.slice(0, -4);
    const branch = node.isLast ? '└──' : '├──';
    lines.push(`${prefix}${branch} ${node.key}: ${text(node)}`);
    prefix += node.isLast ? '    ' : '│   ';
    prevLevel = node.level;
  }
  return lines.join('\n');
}

/**
 * The tree Python's `skops.io.visualize` prints: box-drawing lines, JSON
 * leaves as `json-type(...)`, untrusted nodes tagged `[UNSAFE]`.
 */
export async function visualize(data: Uint8Array, options: VisualizeOptions = {}): Promise<string> {
  return formatTree(await visualNodes(data, options), options);
}

/** The nodes behind {@link visualize}, for tools that render them their own way. */
export async function visualNodes(
  data: Uint8Array,
  options: LoadOptions = {},
): Promise<VisualNode[]> {
  const opened = await openSkops(memorySource(data), options);
  try {
    const { root } = opened.buildTree(checkTrusted(options.trusted));
    const members = new Map<string, Uint8Array>();
    for (const node of labelledNodes(root)) {
      const name = node.handler.formatMember?.(node);
      if (name !== undefined && !members.has(name))
        members.set(name, await opened.archive.read(name));
    }
    return walkTree(root, members, opened.limits.maxNodes);
  } finally {
    await opened.archive.close();
  }
}

/** Nodes whose label shows a member's content (Python reads bytes members while building the tree). */
function labelledNodes(root: InertNode): InertNode[] {
  const out: InertNode[] = [];
  const seen = new Set<InertNode>();
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop() as InertNode;
    if (seen.has(node)) continue;
    seen.add(node);
    if (node.handler.formatMember) out.push(node);
    stack.push(...childNodes(node));
  }
  return out;
}
