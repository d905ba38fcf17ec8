import fc from 'fast-check';
import { rarely } from './rarely.js';

/**
 * Every loader a handler claims, plus names Python skops once had or that
 * probe how names are looked up. Junk strings are added by the generator.
 */
export const LOADERS = [
  'BytearrayNode',
  'BytesNode',
  'CachedNode',
  'ConstructorFromReduceNode',
  'DTypeNode',
  'DefaultDictNode',
  'DictNode',
  'FunctionNode',
  'JsonNode',
  'ListNode',
  'LossNode',
  'MaskedArrayNode',
  'MethodNode',
  'NdArrayNode',
  'ObjectNode',
  'OperatorFuncNode',
  'PartialNode',
  'RandomGeneratorNode',
  'RandomStateNode',
  'SGDNode',
  'SetNode',
  'SliceNode',
  'SparseMatrixNode',
  'TreeNode',
  'TupleNode',
  'TypeNode',
] as const;

const ODD_LOADERS = [
  'EvalNode',
  'ReduceNode',
  '',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'jsonnode',
];

/** (module, class) pairs handlers, trust groups and revivers look for, and some they must refuse. */
const CLASSES: readonly (readonly [string, string])[] = [
  ['builtins', 'dict'],
  ['builtins', 'list'],
  ['builtins', 'tuple'],
  ['builtins', 'set'],
  ['builtins', 'frozenset'],
  ['builtins', 'str'],
  ['builtins', 'int'],
  ['builtins', 'float'],
  ['builtins', 'bool'],
  ['builtins', 'NoneType'],
  ['builtins', 'bytes'],
  ['builtins', 'bytearray'],
  ['builtins', 'slice'],
  ['builtins', 'complex'],
  ['builtins', 'object'],
  ['builtins', 'eval'],
  ['numpy', 'ndarray'],
  ['numpy', 'dtype'],
  ['numpy', 'float64'],
  ['numpy', 'int64'],
  ['numpy', 'bool_'],
  ['numpy', 'str_'],
  ['numpy', 'bytes_'],
  ['numpy', 'add'],
  ['numpy', 'matrix'],
  ['numpy.dtypes', 'Float64DType'],
  ['numpy.ma', 'MaskedArray'],
  ['numpy.ma.core', 'MaskedArray'],
  ['numpy.random.mtrand', 'RandomState'],
  ['numpy.random._generator', 'Generator'],
  ['numpy.random._pcg64', 'PCG64'],
  ['scipy.sparse._csr', 'csr_matrix'],
  ['scipy.sparse._csc', 'csc_matrix'],
  ['scipy.sparse._coo', 'coo_matrix'],
  ['scipy.sparse._csr', 'csr_array'],
  ['scipy.special', 'expit'],
  ['sklearn.linear_model._logistic', 'LogisticRegression'],
  ['sklearn.linear_model._base', 'LinearRegression'],
  ['sklearn.tree._classes', 'DecisionTreeClassifier'],
  ['sklearn.tree._tree', 'Tree'],
  ['sklearn.pipeline', 'Pipeline'],
  ['sklearn.preprocessing._data', 'StandardScaler'],
  ['sklearn._loss._loss', 'CyHalfSquaredError'],
  ['sklearn._loss.loss', 'HalfSquaredError'],
  ['sklearn.linear_model._sgd_fast', 'Hinge'],
  ['sklearn.neighbors._kd_tree', 'KDTree'],
  ['sklearn.neighbors._ball_tree', 'BallTree'],
  ['sklearn.ensemble._hist_gradient_boosting.predictor', 'TreePredictor'],
  ['sklearn.ensemble._hist_gradient_boosting.binning', '_BinMapper'],
  ['sklearn.cluster._birch', 'Birch'],
  ['sklearn.utils._bunch', 'Bunch'],
  ['xgboost.sklearn', 'XGBClassifier'],
  ['xgboost.core', 'Booster'],
  ['collections', 'defaultdict'],
  ['collections', 'OrderedDict'],
  ['functools', 'partial'],
  ['operator', 'itemgetter'],
  ['operator', 'attrgetter'],
  ['operator', 'add'],
  ['os', 'system'],
  ['subprocess', 'Popen'],
  ['', ''],
  ['__proto__', 'constructor'],
  ['a.b', 'c.d'],
];

/** Member names nodes refer to; the member arbitrary decides which exist and what they hold. */
export const MEMBER_NAMES = [
  'a.npy',
  'b.npy',
  'c.npy',
  'd.bin',
  'e.bin',
  'm.npz',
  'n.npz',
] as const;
const FILE_NAMES = [
  ...MEMBER_NAMES,
  'schema.json',
  'missing.npy',
  '../a.npy',
  '/a.npy',
  '',
  'a.NPY',
];

const small = fc.integer({ min: -3, max: 12 });
const oddNumber = fc.constantFrom(
  2 ** 31,
  2 ** 53 + 2,
  -(2 ** 63),
  1e308,
  -0,
  0.5,
  Number.MAX_SAFE_INTEGER,
);
const anyString = fc.string({ maxLength: 12 });

/** A JSON value that is not a node: what a wrong field, a wrong content or a stray key holds. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -1, '', 'x', '__proto__', [], {}, [
      [[]],
    ]),
  },
  { weight: 2, arbitrary: fc.oneof(small, oddNumber, anyString) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** `__id__`s come from a small pool so that ids repeat, point at ancestors and at later nodes. */
const nodeId: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(-1, 2 ** 53 + 2, 1.5, '3', null, undefined) },
);

const className = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...CLASSES) },
  { weight: 1, arbitrary: fc.tuple(anyString, anyString) },
);

const loaderName = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom<string>(...LOADERS) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD_LOADERS) },
  { weight: 1, arbitrary: anyString },
);

/** JsonNode content: JSON text Python's json.dumps writes, and text it would not. */
const jsonContent: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'NaN',
      'Infinity',
      '-Infinity',
      '1e999',
      '-0.0',
      '12345678901234567890123',
      '"\\ud800"',
      '{',
      '',
      'null',
      '[1, 2',
      '{"a": 1, "a": 2}',
      '"__proto__"',
      '{"__proto__": {"x": 1}}',
    ),
  },
  { weight: 1, arbitrary: junk },
);

type Obj = Record<string, unknown>;

/**
 * Writes the common node keys around `fields`; now and then one of them is
 * dropped or given a value of the wrong type.
 */
function node(
  loader: fc.Arbitrary<string>,
  fields: fc.Arbitrary<Obj>,
  classes = className,
): fc.Arbitrary<Obj> {
  return fc
    .record({
      cls: classes,
      loader,
      id: nodeId,
      fields,
      spoil: rarely(
        fc.tuple(
          fc.constantFrom('__class__', '__module__', '__loader__', '__id__', 'content'),
          rarely(junk, 2),
        ),
        25,
      ),
      extra: rarely(
        fc.tuple(
          fc.constantFrom(
            '__reduce__',
            'attrs',
            'key_types',
            'is_json',
            'shape',
            'type',
            'file',
            '__proto__',
          ),
          junk,
        ),
        25,
      ),
    })
    .map(({ cls, loader: l, id, fields: f, spoil, extra }) => {
      const out: Obj = { __class__: cls[1], __module__: cls[0], __loader__: l, ...f };
      if (id !== undefined) out.__id__ = id;
      if (extra)
        Object.defineProperty(out, extra[0], {
          value: extra[1],
          enumerable: true,
          writable: true,
          configurable: true,
        });
      if (spoil) {
        if (spoil[1] === null) delete out[spoil[0]];
        else out[spoil[0]] = spoil[1];
      }
      return out;
    });
}

const fixedClass = (module: string, name: string): fc.Arbitrary<readonly [string, string]> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant([module, name] as const) },
    { weight: 1, arbitrary: className },
  );

/** Random schema trees: well-formed nodes of every loader with random content, plus junk at any level. */
export function schemaTree(maxDepth: number): fc.Arbitrary<Obj> {
  const { tree } = fc.letrec<{
    tree: Obj;
    nodes: unknown[];
    typeNode: Obj;
    dictNode: Obj;
    tupleNode: Obj;
  }>((tie) => {
    const child = tie('tree');
    const nodes = fc.array(child, { maxLength: 4 });
    const orJunk = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> =>
      fc.oneof({ weight: 10, arbitrary: arb }, { weight: 1, arbitrary: junk });
    const typeNode = node(fc.constant('TypeNode'), fc.constant({}));
    const dictNode = fc
      .tuple(
        fc.array(
          fc.tuple(
            fc.oneof(anyString, fc.constantFrom('__proto__', 'constructor', '0', '1.5', 'True')),
            child,
          ),
          { maxLength: 4 },
        ),
        fc.array(typeNode, { maxLength: 5 }),
        nodeId,
      )
      .chain(([entries, keyTypes, listId]) =>
        node(
          fc.constant('DictNode'),
          fc.record({
            content: orJunk(fc.constant(Object.fromEntries(entries))),
            key_types: orJunk(
              fc.constant({
                __class__: 'list',
                __module__: 'builtins',
                __loader__: 'ListNode',
                content: keyTypes,
                __id__: listId,
              }),
            ),
          }),
          fixedClass('builtins', 'dict'),
        ),
      );
    const tupleNode = node(
      fc.constant('TupleNode'),
      fc.record({ content: orJunk(nodes) }),
      fixedClass('builtins', 'tuple'),
    );
    const reduceNode = (loader: string): fc.Arbitrary<Obj> =>
      node(
        fc.constant(loader),
        fc.record({
          __reduce__: orJunk(fc.record({ args: tie('tupleNode') })),
          content: orJunk(tie('dictNode')),
        }),
      );
    const bitGenerator = fc.record({
      bit_generator: fc.oneof(
        fc.constantFrom('PCG64', 'PCG64DXSM', 'MT19937', 'Philox', 'SFC64', 'os.system'),
        anyString,
      ),
      state: orJunk(
        fc.dictionary(
          fc.constantFrom('state', 'inc', 'key', 'pos', 'counter', 'buffer'),
          fc.oneof(fc.nat(), oddNumber, fc.array(fc.nat(), { maxLength: 4 })),
        ),
      ),
      has_uint32: orJunk(fc.constantFrom(0, 1)),
      uinteger: orJunk(fc.nat()),
    });
    const shapes: Record<string, fc.Arbitrary<Obj>> = {
      JsonNode: node(
        fc.constant('JsonNode'),
        fc.record({
          content: jsonContent,
          is_json: fc.oneof(
            { weight: 8, arbitrary: fc.constant(true) },
            { weight: 1, arbitrary: junk },
          ),
        }),
      ),
      ListNode: node(
        fc.constant('ListNode'),
        fc.record({ content: orJunk(nodes) }),
        fixedClass('builtins', 'list'),
      ),
      TupleNode: tupleNode,
      SetNode: node(
        fc.constant('SetNode'),
        fc.record({ content: orJunk(nodes) }),
        fixedClass('builtins', 'set'),
      ),
      DictNode: dictNode,
      TypeNode: typeNode,
      FunctionNode: node(
        fc.constant('FunctionNode'),
        fc.oneof(
          { weight: 5, arbitrary: fc.constant({}) },
          { weight: 1, arbitrary: fc.record({ content: junk }) },
        ),
      ),
      CachedNode: node(fc.constant('CachedNode'), fc.constant({})),
      SliceNode: node(
        fc.constant('SliceNode'),
        fc.record({
          content: orJunk(
            fc.record({
              start: fc.oneof(fc.constant(null), small, junk),
              stop: fc.oneof(fc.constant(null), small, junk),
              step: fc.oneof(fc.constant(null), small, junk),
            }),
          ),
        }),
        fixedClass('builtins', 'slice'),
      ),
      NdArrayNode: node(
        fc.constant('NdArrayNode'),
        fc.record({
          type: fc.oneof(
            { weight: 8, arbitrary: fc.constant('numpy') },
            { weight: 1, arbitrary: junk },
          ),
          file: fc.oneof(
            { weight: 8, arbitrary: fc.constantFrom(...FILE_NAMES) },
            { weight: 1, arbitrary: junk },
          ),
        }),
        fixedClass('numpy', 'ndarray'),
      ),
      // Object arrays: JSON content (a list of nodes, nested by the shape).
      NdArrayJsonNode: node(
        fc.constant('NdArrayNode'),
        fc.record({
          type: fc.oneof(
            { weight: 8, arbitrary: fc.constant('json') },
            { weight: 1, arbitrary: junk },
          ),
          content: fc.oneof(
            nodes,
            fc.array(nodes, { maxLength: 3 }),
            fc.jsonValue({ maxDepth: 2 }),
          ),
          shape: orJunk(
            fc.oneof(
              fc.array(fc.nat(4), { maxLength: 3 }),
              fc.jsonValue({ maxDepth: 1 }).map((v) => JSON.stringify(v)),
            ),
          ),
        }),
        fixedClass('numpy', 'ndarray'),
      ),
      DTypeNode: node(
        fc.constant('DTypeNode'),
        fc.record({ content: child }),
        fixedClass('numpy', 'dtype'),
      ),
      MaskedArrayNode: node(
        fc.constant('MaskedArrayNode'),
        fc.record({ content: orJunk(fc.record({ data: child, mask: child })) }),
        fixedClass('numpy.ma', 'MaskedArray'),
      ),
      BytesNode: node(
        fc.constant('BytesNode'),
        fc.record({ file: fc.oneof(fc.constantFrom(...FILE_NAMES), junk) }),
        fixedClass('builtins', 'bytes'),
      ),
      BytearrayNode: node(
        fc.constant('BytearrayNode'),
        fc.record({ file: fc.oneof(fc.constantFrom(...FILE_NAMES), junk) }),
        fixedClass('builtins', 'bytearray'),
      ),
      SparseMatrixNode: node(
        fc.constant('SparseMatrixNode'),
        fc.record({
          type: fc.oneof(fc.constant('scipy'), junk),
          file: fc.oneof(fc.constantFrom(...FILE_NAMES), junk),
        }),
        fixedClass('scipy.sparse._csr', 'csr_matrix'),
      ),
      ObjectNode: node(
        fc.constant('ObjectNode'),
        fc.record({
          content: fc.oneof(
            { weight: 4, arbitrary: tie('dictNode') },
            { weight: 1, arbitrary: child },
          ),
        }),
      ),
      OperatorFuncNode: node(
        fc.constant('OperatorFuncNode'),
        fc.record({ attrs: orJunk(tie('tupleNode')) }),
        fixedClass('operator', 'itemgetter'),
      ),
      PartialNode: node(
        fc.constant('PartialNode'),
        fc.record({
          content: orJunk(
            fc.record(
              {
                func: child,
                args: tie('tupleNode'),
                kwds: tie('dictNode'),
                namespace: fc.oneof(child, fc.constant(null)),
              },
              { requiredKeys: ['func', 'args'] },
            ),
          ),
        }),
        fixedClass('functools', 'partial'),
      ),
      MethodNode: node(
        fc.constant('MethodNode'),
        fc.record({
          content: orJunk(
            fc.record({
              func: fc.oneof(fc.constantFrom('predict', '__init__', 'fit'), junk),
              obj: child,
            }),
          ),
        }),
      ),
      LossNode: reduceNode('LossNode'),
      SGDNode: reduceNode('SGDNode'),
      TreeNode: reduceNode('TreeNode'),
      RandomStateNode: node(
        fc.constant('RandomStateNode'),
        fc.record({ content: child }),
        fixedClass('numpy.random.mtrand', 'RandomState'),
      ),
      RandomGeneratorNode: node(
        fc.constant('RandomGeneratorNode'),
        fc.record({ content: orJunk(fc.record({ bit_generator: orJunk(bitGenerator) })) }),
        fixedClass('numpy.random._generator', 'Generator'),
      ),
      DefaultDictNode: node(
        fc.constant('DefaultDictNode'),
        fc.record({
          content: orJunk(fc.record({ main: tie('dictNode'), default_factory: child })),
        }),
        fixedClass('collections', 'defaultdict'),
      ),
      ConstructorFromReduceNode: node(
        fc.constant('ConstructorFromReduceNode'),
        fc.record({ content: child }),
      ),
    };
    const leaves = [
      'JsonNode',
      'TypeNode',
      'FunctionNode',
      'CachedNode',
      'NdArrayNode',
      'BytesNode',
      'SparseMatrixNode',
    ];
    return {
      tree: fc.oneof(
        { depthSize: 'small', maxDepth, depthIdentifier: 'schema' },
        {
          weight: 12,
          arbitrary: fc.constantFrom(...leaves).chain((l) => shapes[l] as fc.Arbitrary<Obj>),
        },
        {
          weight: 10,
          arbitrary: fc
            .constantFrom(...Object.keys(shapes))
            .chain((l) => shapes[l] as fc.Arbitrary<Obj>),
        },
        {
          weight: 1,
          arbitrary: node(
            loaderName,
            fc.dictionary(
              fc.constantFrom('content', 'file', 'type', 'attrs', '__reduce__', 'shape'),
              fc.oneof(child, junk),
              { maxKeys: 3 },
            ),
          ),
        },
        { weight: 1, arbitrary: junk as fc.Arbitrary<Obj> },
      ),
      nodes: nodes,
      typeNode,
      dictNode,
      tupleNode,
    };
  });
  return tree;
}

/** The root: a tree with the `protocol` and `_skops_version` keys Python writes, and wrong ones. */
export function schemaDocument(maxDepth: number): fc.Arbitrary<Obj> {
  return fc
    .record({
      root: schemaTree(maxDepth),
      protocol: fc.oneof(
        { weight: 12, arbitrary: fc.constant<unknown>(2) },
        { weight: 3, arbitrary: fc.constantFrom<unknown>(0, 1) },
        {
          weight: 2,
          arbitrary: fc.constantFrom<unknown>(3, -1, '2', 2.5, 2.0000001, null, undefined, 1e300),
        },
      ),
      version: fc.oneof(fc.constant('0.10.0'), fc.constant(undefined), junk),
    })
    .map(({ root, protocol, version }) => {
      if (root === null || typeof root !== 'object' || Array.isArray(root))
        return { protocol, tree: root } as Obj;
      const out: Obj = { ...root };
      if (protocol !== undefined) out.protocol = protocol;
      if (version !== undefined) out._skops_version = version;
      return out;
    });
}
