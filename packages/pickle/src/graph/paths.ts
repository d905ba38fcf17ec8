import { edgesOf, isGraphObject } from './edges.js';

/**
 * Where each object of the graph sits: the first (shortest) path from the
 * root, such as `root.steps[1][1].func`. Breadth-first and iterative; a
 * shared or cyclic object is listed once, under the path that reaches it
 * first. Values without identity (None, bools, numbers, strings) are not
 * listed: their path is their parent's path plus the segment.
 */
export function pathsOf(root: unknown, rootName = 'root'): Map<object, string> {
  const paths = new Map<object, string>();
  if (!isGraphObject(root)) return paths;
  paths.set(root, rootName);
  const queue: object[] = [root];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    const base = paths.get(node)!;
    for (const [segment, child] of edgesOf(node)) {
      if (isGraphObject(child) && !paths.has(child)) {
        paths.set(child, base + segment);
        queue.push(child);
      }
    }
  }
  return paths;
}
