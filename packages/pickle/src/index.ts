/** Inert graph values. */
export { GlobalRef, type GlobalOpcode } from './values/global-ref.js';
export { PickleCall, type CallKind } from './values/pickle-call.js';
export { PersistentRef, ExtensionRef } from './values/external-refs.js';
export { JoblibArray, type DtypeSummary } from './values/joblib-array.js';

/** Reading. */
export { readPickle, type ReadPickleOptions, type PickleGraph } from './read-pickle.js';
export { readJoblib, type JoblibGraph } from './joblib/read-joblib.js';
export type { StringEncoding, StreamStats } from './reader/context.js';

/** Scanning. */
export { scanPickle, type PickleScan } from './scan/scan-pickle.js';

/** Walking the graph. */
export { pathsOf } from './graph/paths.js';
export { edgesOf, type Edge } from './graph/edges.js';
export { measureGraph, type GraphMeasure } from './graph/measure.js';

/** joblib containers. */
export { detectCompression, type JoblibCompression } from './joblib/compression.js';
export { decompressJoblib } from './joblib/decompress.js';

/** Tables. */
export { OPCODE_NAMES, HIGHEST_PROTOCOL } from './opcodes.js';
export { IMPORT_MAPPING, NAME_MAPPING, fixImports } from './compat-pickle.js';

/** Converting to skops values without executing anything. */
export { convertPickle, convertJoblib, type ConvertOptions } from './convert/convert-pickle.js';
export { convertGraph, type ConvertGraphOptions } from './convert/convert-graph.js';
export { PickleRefusedError, type Refusal } from './convert/refused-error.js';
export { builtinRecognisers } from './convert/recognisers/index.js';
export type {
  PickleRecogniser,
  CallRecogniser,
  BuildRecogniser,
  GlobalRecogniser,
  RecogniserKind,
  RecogniserContext,
  InstanceNode,
} from './convert/recogniser.js';
