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
