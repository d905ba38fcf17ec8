import { LimitExceededError, type Limits } from '@skops-ts/core';
import { edgesOf, isGraphObject, type Edge } from './edges.js';

/** Shape of a graph once shared references are expanded into a tree (what a skops file writes). */
export interface GraphMeasure {
  /** Distinct objects reachable from the root. */
  readonly objects: number;
  /** Longest root-to-leaf chain, counting the root as 1. */
  readonly depth: number;
  /** Values in the tree with every shared reference written out again (saturates past the limit). */
  readonly expandedNodes: number;
  /** True when some object contains itself (back references are not followed). */
  readonly hasCycles: boolean;
}

interface Frame {
  readonly node: object;
  readonly edges: Edge[];
  next: number;
  depth: number;
  size: number;
}

/**
 * Measures the graph iteratively, each object once (DAG-aware: a subtree
 * shared a billion times is sized once). Throws LIMIT_EXCEEDED as soon as
 * the depth passes `maxDepth` or the expanded tree passes `maxNodes`.
 */
export function measureGraph(
  root: unknown,
  limits: Pick<Limits, 'maxDepth' | 'maxNodes'>,
): GraphMeasure {
  if (!isGraphObject(root)) return { objects: 0, depth: 1, expandedNodes: 1, hasCycles: false };
  const done = new Map<object, { depth: number; size: number }>();
  const onStack = new Set<object>();
  let hasCycles = false;
  const cap = limits.maxNodes + 1;
  const addChild = (frame: Frame, sub: { depth: number; size: number }): void => {
    frame.depth = Math.max(frame.depth, sub.depth + 1);
    frame.size = Math.min(cap, frame.size + sub.size);
    if (frame.size >= cap) {
      throw new LimitExceededError(
        'maxNodes',
        cap,
        limits.maxNodes,
        'The pickled objects with shared references written out (as a skops file stores them)',
      );
    }
  };
  const frames: Frame[] = [{ node: root, edges: edgesOf(root), next: 0, depth: 1, size: 1 }];
  onStack.add(root);
  let result = { depth: 1, size: 1 };
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    if (frame.next < frame.edges.length) {
      const child = frame.edges[frame.next++]![1];
      let sub: { depth: number; size: number } | undefined;
      if (!isGraphObject(child)) sub = { depth: 1, size: 1 };
      else if (onStack.has(child)) {
        hasCycles = true;
        continue;
      } else sub = done.get(child);
      if (sub === undefined) {
        const obj = child as object;
        if (frames.length + 1 > limits.maxDepth) {
          throw new LimitExceededError(
            'maxDepth',
            frames.length + 1,
            limits.maxDepth,
            'The nesting of the pickled objects',
          );
        }
        onStack.add(obj);
        frames.push({ node: obj, edges: edgesOf(obj), next: 0, depth: 1, size: 1 });
        continue;
      }
      addChild(frame, sub);
      continue;
    }
    frames.pop();
    onStack.delete(frame.node);
    result = { depth: frame.depth, size: frame.size };
    done.set(frame.node, result);
    const parent = frames[frames.length - 1];
    if (parent) addChild(parent, result);
  }
  return { objects: done.size, depth: result.depth, expandedNodes: result.size, hasCycles };
}
