/**
 * Extends a JSON path: `[3]` and `["odd key"]` are appended as they are,
 * anything else after a dot (`content`, `content.main`, `content[2]`).
 */
export function joinPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return key.startsWith('[') ? path + key : `${path}.${key}`;
}
