/**
 * Node-only entry of @skops-ts/core: file paths. Everything else is in the
 * browser-safe main entry.
 */
export { load, getUntrustedTypes } from './node/load-file.js';
export { dump } from './node/dump-file.js';
export { fileSource } from './node/file-source.js';
