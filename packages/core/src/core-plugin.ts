import { CORE_DESCRIBERS } from './describe/core-describers.js';
import { CORE_DUMPERS } from './dump/core-dumpers.js';
import { bytearrayNode } from './handlers/bytearray-node.js';
import { bytesNode } from './handlers/bytes-node.js';
import { cachedNode } from './handlers/cached-node.js';
import { constructorFromReduceNode } from './handlers/constructor-from-reduce-node.js';
import { defaultDictNode } from './handlers/default-dict-node.js';
import { dictNode } from './handlers/dict-node.js';
import { functionNode } from './handlers/function-node.js';
import { functionNodeV0 } from './handlers/function-node-v0.js';
import { jsonNode } from './handlers/json-node.js';
import { listNode } from './handlers/list-node.js';
import { methodNode } from './handlers/method-node.js';
import { objectNode } from './handlers/object-node.js';
import { operatorFuncNode } from './handlers/operator-func-node.js';
import { partialNode } from './handlers/partial-node.js';
import { setNode } from './handlers/set-node.js';
import { sliceNode } from './handlers/slice-node.js';
import { tupleNode } from './handlers/tuple-node.js';
import { typeNode } from './handlers/type-node.js';
import type { SkopsPlugin } from './plugin/types.js';
import { CORE_TRUST_GROUPS } from './trust/core-groups.js';

/** The built-in Python nodes; always registered, after the caller's plugins. */
export const corePlugin: SkopsPlugin = Object.freeze({
  name: '@skops-ts/core',
  handlers: [
    dictNode,
    defaultDictNode,
    listNode,
    setNode,
    tupleNode,
    jsonNode,
    bytesNode,
    bytearrayNode,
    sliceNode,
    functionNode,
    functionNodeV0,
    methodNode,
    partialNode,
    typeNode,
    constructorFromReduceNode,
    objectNode,
    operatorFuncNode,
    cachedNode,
  ],
  dumpers: CORE_DUMPERS,
  describers: CORE_DESCRIBERS,
  trustGroups: CORE_TRUST_GROUPS,
});
