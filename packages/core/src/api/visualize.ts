import { memorySource } from '../archive/memory-source.js';
import type { Child, InertNode } from '../plugin/types.js';
import { isSelfSafe, safetyOf } from '../tree/audit.js';
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

function label(node: InertNode): string {
  return node.handler.format ? node.handler.format(node) : `${node.module}.${node.className}`;
}

/** The nodes of the tree in Python's `walk_tree` order. */
export function walkTree(root: InertNode): VisualNode[] {
  const safe = safetyOf();
  const out: VisualNode[] = [];
  type Item = { node: InertNode; key: string; level: number; isLast: boolean };
  const stack: Item[] = [{ node: root, key: 'root', level: 0, isLast: false }];
  while (stack.length > 0) {
    const { node, key, level, isLast } = stack.pop() as Item;
    out.push({ level, key, value: label(node), selfSafe: isSelfSafe(node), safe: safe(node), isLast });
    if (node.handler.showChildren === false) continue;
    const shown = node.children.filter(([k, c]) => visible(k, c, safe));
    const items: Item[] = [];
    shown.forEach(([k, child], i) => {
      const last = i === shown.length - 1;
      if (child.kind === 'node') items.push({ node: child.node, key: k, level: level + 1, isLast: last });
      else if (child.kind === 'list') child.nodes.forEach((n, j) => items.push({ node: n, key: k, level: level + 1, isLast: j === child.nodes.length - 1 }));
      else if (child.kind === 'map') child.entries.forEach(([mk, n], j) => items.push({ node: n, key: mk, level: level + 1, isLast: j === child.entries.length - 1 }));
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
export function formatTree(nodes: readonly VisualNode[], options: Omit<VisualizeOptions, keyof LoadOptions> = {}): string {
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
export async function visualNodes(data: Uint8Array, options: LoadOptions = {}): Promise<VisualNode[]> {
  const opened = await openSkops(memorySource(data), options);
  try {
    return walkTree(opened.buildTree(checkTrusted(options.trusted)).root);
  } finally {
    await opened.archive.close();
  }
}
