export {
  SkopsError,
  UntrustedTypesError,
  LimitExceededError,
  type SkopsErrorCode,
  type SkopsErrorOptions,
} from './errors/index.js';
export { DEFAULT_LIMITS, resolveLimits, type Limits } from './limits.js';
export { parseJson } from './json/parse.js';
export { isJsonObject, isJsonArray, isJsonNumber } from './json/json-object.js';
export type { JsonValue, JsonObject, JsonNumber, JsonParseOptions } from './json/types.js';
export {
  PyTuple,
  PySet,
  PyDict,
  PyByteArray,
  PySlice,
  PyComplex,
  PyType,
  PyFunction,
  PyMethod,
  PyPartial,
  PyOperator,
  PyObject,
  type SliceBound,
  type OperatorName,
} from './values/index.js';
export type {
  SkopsPlugin,
  NodeHandler,
  InertNode,
  Child,
  Parsed,
  ParseContext,
  ConstructContext,
  PrepareContext,
  AuditRule,
  TrustSpec,
  TrustGroup,
  TrustedParam,
  PythonEnv,
  Dumper,
  DumpContext,
  Describer,
  DescribeContext,
  Description,
  Reviver,
  KeyConverter,
} from './plugin/types.js';
export type {
  ArchiveReader,
  ArchiveEntry,
  ByteSource,
  CompressionMethod,
  ArchiveWriteOptions,
  ArchiveMemberInput,
} from './archive/types.js';
export { loads, loadFromSource } from './api/loads.js';
export { readSchema } from './api/open-skops.js';
export {
  getUntrustedTypes,
  untrustedTypesFromSource,
  type AuditOptions,
} from './api/get-untrusted-types.js';
export { dumps, dumpChunks, SKOPS_VERSION_WRITTEN } from './api/dumps.js';
export {
  visualize,
  visualNodes,
  formatTree,
  type VisualNode,
  type VisualizeOptions,
  type VisualizeShow,
} from './api/visualize.js';
export type { LoadOptions, DumpOptions } from './api/options.js';
export { describe, type DescribeOptions } from './describe/describe.js';
export { stringifyDescription } from './describe/sort-key.js';
export { describeFloat } from './describe/core-describers.js';
export { sha256Hex } from './describe/sha256.js';
export { createRegistry, CURRENT_PROTOCOL, type Registry } from './plugin/registry.js';
export { parsePythonEnv, NEWEST_PYTHON_ENV } from './trust/python-env.js';
export { makeJsonObject } from './json/json-object.js';
export { emitPyJson, pyJsonString, JsonFloat } from './json/emit.js';
export { pyFloatRepr } from './json/py-float.js';
export { jsonToPython } from './tree/json-to-python.js';
export { jsonState } from './dump/core-dumpers.js';
export { memorySource } from './archive/memory-source.js';
export { openArchive } from './archive/open-archive.js';
export { writeArchive, archiveChunks } from './archive/write-archive.js';
