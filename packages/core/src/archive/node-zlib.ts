/** The parts of Node's zlib module the archive layer uses. */
export interface NodeZlib {
  crc32(data: Uint8Array, value: number): number;
  createInflateRaw(options: { chunkSize: number }): NodeInflater;
  inflateRawSync(data: Uint8Array, options: { maxOutputLength: number }): Uint8Array;
}

/** The parts of a zlib inflate stream used here. */
export interface NodeInflater {
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end' | 'close' | 'drain', listener: () => void): unknown;
  write(chunk: Uint8Array): boolean;
  end(): void;
  destroy(): void;
}

/**
 * Node's native zlib (CRC-32 about five times faster than a JavaScript loop,
 * inflating on the thread pool), looked up at run time through
 * `process.getBuiltinModule` (Node >= 20.16) rather than imported, so the
 * browser entry stays free of `node:` imports and browsers get `undefined`.
 */
function findNodeZlib(): NodeZlib | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } }).process;
  const zlib = proc?.getBuiltinModule?.('node:zlib') as Partial<NodeZlib> | undefined;
  return typeof zlib?.crc32 === 'function' &&
    typeof zlib.createInflateRaw === 'function' &&
    typeof zlib.inflateRawSync === 'function'
    ? (zlib as NodeZlib)
    : undefined;
}

// A lookup, not a side effect: bundlers drop it when unused.
export const NODE_ZLIB = /* @__PURE__ */ findNodeZlib();
