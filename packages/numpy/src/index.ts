/** The numpy plugin: pass it to `loads`, `dumps`, `describe` and `getUntrustedTypes`. */
export { numpyPlugin } from './plugin.js';
/** A numpy dtype (scalar, structured or sub-array), with numpy's `dtype.str`. */
export {
  DType,
  type ByteOrder,
  type DTypeField,
  type DTypeKind,
  type SubArray,
} from './dtype/dtype.js';
/** The dtype table: element kinds, sizes, typed-array types and scalar class names. */
export {
  SCALAR_TYPES,
  type ScalarKind,
  type ScalarType,
  type TypedArrayConstructor,
} from './dtype/scalar-types.js';
/** A numpy array of any dtype `.npy` stores without pickle. */
export { NDArray, type NDArrayData, type NDArrayInit, type NDArrayClass } from './array/ndarray.js';
/** Reads a `.npy` file (versions 1-3) with limit checks before allocation. */
export {
  readNpy,
  readNpyHeader,
  NPY_MAX_HEADER_SIZE,
  type ReadNpyOptions,
  type NpyLayout,
} from './npy/read.js';
/** Writes a `.npy` file byte-identical to `numpy.save`. */
export { writeNpy } from './npy/write.js';
/** A numpy scalar that keeps its class (`numpy.float64`, `numpy.int64`, …). */
export { NpScalar } from './values/np-scalar.js';
/** A numpy array of dtype object (stored by skops as JSON content). */
export { NDObjectArray } from './values/object-array.js';
/** `numpy.ma.MaskedArray`. */
export { MaskedArray } from './values/masked-array.js';
/** `numpy.random.RandomState` by its state. */
export { RandomState } from './values/random-state.js';
/** `numpy.random.Generator` by its bit generator state and seed sequence. */
export { Generator } from './values/generator.js';
/** The bit generator classes a file may name. */
export { BIT_GENERATORS } from './random/bit-generators.js';
/** `H(a)` of the describe spec: SHA-256 of an array's packed little-endian C-order bytes. */
export { arrayHash } from './describe/array-hash.js';
/** The bytes {@link arrayHash} covers. */
export { packedLittleEndianBytes } from './describe/packed-bytes.js';
/** `D(dtype)` of the describe spec. */
export { describeDType } from './describe/dtype-description.js';
/** Python skops' NUMPY_UFUNC_TYPE_NAMES / NUMPY_DTYPE_TYPE_NAMES on numpy 1.x. */
export { NUMPY1_UFUNC_TYPE_NAMES, NUMPY1_DTYPE_TYPE_NAMES } from './trust/numpy1-names.js';
/** Python skops' NUMPY_UFUNC_TYPE_NAMES / NUMPY_DTYPE_TYPE_NAMES on numpy 2.x. */
export { NUMPY2_UFUNC_TYPE_NAMES, NUMPY2_DTYPE_TYPE_NAMES } from './trust/numpy2-names.js';
/** Recognisers that convert numpy's pickle and joblib forms (pass them to `@skops-ts/pickle`'s `convertPickle`). */
export { numpyRecognisers } from './pickle/recognisers.js';
