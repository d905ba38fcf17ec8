import type { SkopsPlugin } from '@skops-ts/core';
import { dtypeDescriber } from './describe/dtype-describer.js';
import { functionAliasDescriber } from './describe/function-alias-describer.js';
import { generatorDescriber } from './describe/generator-describer.js';
import { maskedArrayDescriber } from './describe/masked-array-describer.js';
import { ndarrayDescriber } from './describe/ndarray-describer.js';
import { npScalarDescriber } from './describe/np-scalar-describer.js';
import { objectArrayDescriber } from './describe/object-array-describer.js';
import { randomStateDescriber } from './describe/random-state-describer.js';
import { typedArrayDescriber } from './describe/typed-array-describer.js';
import { dtypeDumper } from './dump/dtype-dumper.js';
import { generatorDumper } from './dump/generator-dumper.js';
import { maskedArrayDumper } from './dump/masked-array-dumper.js';
import { ndarrayDumper } from './dump/ndarray-dumper.js';
import { npScalarDumper } from './dump/np-scalar-dumper.js';
import { objectArrayDumper } from './dump/object-array-dumper.js';
import { randomStateDumper } from './dump/random-state-dumper.js';
import { typedArrayDumper } from './dump/typed-array-dumper.js';
import { dtypeNodeHandler } from './handlers/dtype-node.js';
import { maskedArrayNodeHandler } from './handlers/masked-array-node.js';
import { ndArrayNodeHandler } from './handlers/ndarray-node.js';
import { randomGeneratorNodeHandler } from './handlers/random-generator-node.js';
import { randomGeneratorNodeV0Handler } from './handlers/random-generator-node-v0.js';
import { randomGeneratorNodeV1Handler } from './handlers/random-generator-node-v1.js';
import { randomStateNodeHandler } from './handlers/random-state-node.js';
import { numpyScalarKeyConverter } from './keys/scalar-key-converter.js';
import { numpyDtypes, numpyMaskedArray, numpyUfuncs } from './trust/groups.js';

/**
 * numpy support: arrays (`.npy` members and object arrays), scalars,
 * masked arrays, dtypes, RandomState and Generator; trust groups
 * `numpy.ufuncs`, `numpy.dtypes` and `numpy.maskedArray`.
 */
export const numpyPlugin: SkopsPlugin = Object.freeze({
  name: '@skops-ts/numpy',
  handlers: [
    ndArrayNodeHandler,
    maskedArrayNodeHandler,
    dtypeNodeHandler,
    randomStateNodeHandler,
    randomGeneratorNodeHandler,
    randomGeneratorNodeV1Handler,
    randomGeneratorNodeV0Handler,
  ],
  dumpers: [
    ndarrayDumper,
    npScalarDumper,
    objectArrayDumper,
    maskedArrayDumper,
    dtypeDumper,
    randomStateDumper,
    generatorDumper,
    typedArrayDumper,
  ],
  describers: [
    ndarrayDescriber,
    npScalarDescriber,
    objectArrayDescriber,
    maskedArrayDescriber,
    dtypeDescriber,
    randomStateDescriber,
    generatorDescriber,
    typedArrayDescriber,
    functionAliasDescriber,
  ],
  keyConverters: [numpyScalarKeyConverter],
  trustGroups: {
    'numpy.ufuncs': numpyUfuncs,
    'numpy.dtypes': numpyDtypes,
    'numpy.maskedArray': numpyMaskedArray,
  },
});
