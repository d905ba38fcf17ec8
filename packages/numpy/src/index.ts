/** The numpy element type of an array. */
export { DType, type ByteOrder, type DTypeField, type SubArray } from './dtype/dtype.js';
/** Element kinds and the dtype table. */
export { SCALAR_TYPES, type ScalarKind, type ScalarType } from './dtype/scalar-types.js';
/** A numpy array. */
export { NDArray, type NDArrayData, type NDArrayInit, type NDArrayClass } from './array/ndarray.js';
/** Reads a `.npy` file. */
export { readNpy, readNpyHeader, type ReadNpyOptions, type NpyLayout } from './npy/read.js';
/** Writes a `.npy` file as `numpy.save` does. */
export { writeNpy } from './npy/write.js';
/** A numpy scalar. */
export { NpScalar } from './values/np-scalar.js';
/** An object-dtype array. */
export { NDObjectArray } from './values/object-array.js';
/** `numpy.ma.MaskedArray`. */
export { MaskedArray } from './values/masked-array.js';
/** `numpy.random.RandomState`. */
export { RandomState } from './values/random-state.js';
/** `numpy.random.Generator`. */
export { Generator } from './values/generator.js';
