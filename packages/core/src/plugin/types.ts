import type { JsonObject, JsonValue } from '../json/types.js';
import type { Limits } from '../limits.js';
import type { SkopsError } from '../errors/skops-error.js';

/** Versions of the Python libraries whose default trusted lists apply. */
export interface PythonEnv {
  readonly sklearn?: string;
  readonly numpy?: string;
  readonly scipy?: string;
}

/** The trusted list handed to a node while parsing: `null` means "defaults only". */
export type TrustedParam = readonly string[] | null;

/**
 * A node's default trusted names: literal type names plus named groups that
 * plugins provide (`numpy.ufuncs`, `sklearn.estimators`, …), resolved for the
 * selected {@link PythonEnv}.
 */
export interface TrustSpec {
  readonly names?: readonly string[];
  readonly groups?: readonly string[];
}

/** A named list of trusted type names that depends on the Python environment. */
export type TrustGroup = (env: Required<PythonEnv>) => readonly string[];

/** A child of an inert node, mirroring Python skops' `Node.children` values. */
export type Child =
  | { readonly kind: 'node'; readonly node: InertNode }
  | { readonly kind: 'list'; readonly nodes: readonly InertNode[] }
  | { readonly kind: 'map'; readonly entries: readonly (readonly [string, InertNode])[] }
  /** A Python type object held directly (TreeNode's and LossNode's constructor). */
  | { readonly kind: 'type'; readonly module: string; readonly name: string }
  /** Plain data that the audit does not inspect (strings, raw JSON, member bytes). */
  | { readonly kind: 'data' }
  | { readonly kind: 'none' };

/** A schema node after parsing: inert, with children, nothing constructed. */
export interface InertNode {
  readonly loader: string;
  readonly module: string;
  readonly className: string;
  /** `__id__` as its decimal text, or undefined when absent or 0. */
  readonly id: string | undefined;
  /** JSON path of the node in schema.json, e.g. `$.content.content.steps`. */
  readonly path: string;
  readonly protocol: number;
  readonly handler: NodeHandler;
  /** The raw schema object of this node. */
  readonly state: JsonObject;
  /** Effective trusted names of this node (user list + defaults, as Python computes it). */
  readonly trusted: ReadonlySet<string>;
  readonly children: readonly (readonly [string, Child])[];
  /** Handler-private data prepared by `parse`. */
  readonly data: unknown;
}

/** What `parse` returns: the children (for the audit) and private data (for construct). */
export interface Parsed {
  readonly children?: readonly (readonly [string, Child])[];
  readonly data?: unknown;
}

/** Given to a handler's `parse`. Nothing here builds a value or runs code. */
export interface ParseContext {
  readonly protocol: number;
  readonly path: string;
  readonly limits: Limits;
  /** The trusted list this node was given (pass it on to children unless the handler overrides). */
  readonly trustedParam: TrustedParam;
  /** This node's own effective trusted names. */
  readonly trusted: ReadonlySet<string>;
  /**
   * Parses a child state into a node (or returns the node memoised under its
   * `__id__`). `key` extends the JSON path: `content`, `content.steps`, `[3]`.
   */
  child(state: JsonValue | undefined, key: string, trusted?: TrustedParam): InertNode;
  /** Declares that construct will need this archive member; fails if it is absent. */
  requireMember(name: JsonValue | undefined, key?: string): string;
  /** An INVALID_SCHEMA error at this node's path (or below it). */
  error(message: string, key?: string): SkopsError;
}

/** Given to a handler's `prepare`: asynchronous work between the audit and construct. */
export interface PrepareContext {
  readonly path: string;
  readonly limits: Limits;
  /** The bytes of a member declared with `requireMember` during parse. */
  member(name: string): Uint8Array;
}

/** Given to a handler's `construct`. */
export interface ConstructContext {
  readonly path: string;
  /** What the handler's `prepare` returned for this node (undefined without `prepare`). */
  readonly prepared: unknown;
  readonly limits: Limits;
  readonly env: Required<PythonEnv>;
  /** Constructs a child node (memoised; the same `__id__` gives the same value). */
  construct(node: InertNode): unknown;
  /** The bytes of a member declared with `requireMember` during parse. */
  member(name: string): Uint8Array;
  /** Converts a dict key string by a key type (a constructed `key_types` item). */
  convertKey(keyType: unknown, text: string): unknown;
  /** Gives a constructed ObjectNode value to the plugin that claims its class. */
  revive(value: unknown): unknown;
  error(message: string): SkopsError;
}

/** How a handler answers the audit; the default is Python's `Node.get_unsafe_set`. */
export type AuditRule =
  | { readonly kind: 'default' }
  /** JsonNode, SliceNode: never report anything. */
  | { readonly kind: 'never' }
  /** Reports `name(node)` unless trusted and ignores children (FunctionNode). */
  | { readonly kind: 'name'; readonly name: (node: InertNode) => string }
  /**
   * Default rule plus extra names always reported (MethodNode's `Class.method`);
   * `self` replaces the node's own `module.class` name when given.
   */
  | {
      readonly kind: 'extra';
      readonly extra: (node: InertNode) => readonly string[];
      readonly self?: (node: InertNode) => string;
    };

/**
 * Loads one `__loader__` kind. A plain object, one per file. `parse` must not
 * build values: it validates the state and declares children; `construct`
 * runs only after the whole tree passed the audit.
 */
export interface NodeHandler {
  readonly loader: string;
  /** Schema protocols this handler reads; defaults to the current protocol (2). */
  readonly protocols?: readonly number[];
  readonly defaultTrusted?: TrustSpec;
  /** DefaultDictNode: its own trusted list ignores the caller's list. */
  readonly ignoresCallerTrusted?: boolean;
  readonly audit?: AuditRule;
  parse(state: JsonObject, ctx: ParseContext): Parsed;
  /**
   * Optional asynchronous step after the audit and before any value is
   * constructed (decoding a nested archive such as a sparse matrix's `.npz`);
   * its result reaches `construct` as `ctx.prepared`.
   */
  prepare?(node: InertNode, ctx: PrepareContext): Promise<unknown>;
  construct(node: InertNode, ctx: ConstructContext): unknown;
  /**
   * The label Python's `visualize` prints; defaults to `module.class`.
   * `member` holds the bytes of the member named by `formatMember`.
   */
  format?(node: InertNode, member?: Uint8Array): string;
  /** The archive member `format` shows (Python shows bytes nodes' content). */
  formatMember?(node: InertNode): string;
  /** False for nodes whose children `visualize` does not show (arrays, bytes, JSON, functions). */
  readonly showChildren?: boolean;
}

/** Writes schema states while dumping. */
export interface DumpContext {
  /** The key type and JSON key text of a dict key that a plugin knows (numpy scalars); undefined otherwise. */
  keyOf(key: unknown): { readonly type: unknown; readonly text: string } | undefined;
  /** The state of a nested value, with its `__id__` (memoised by object identity). */
  state(value: unknown): Record<string, unknown>;
  /**
   * Adds an archive member; returns its name. Adding the same name twice keeps the first.
   *
   * `data` is the member's bytes, or a list of chunks written one after another
   * (e.g. a `.npy` header and a view of the array's own bytes), so large data
   * reaches the file without being copied into a joined buffer first. The
   * bytes are read when the archive is written, not when they are added:
   * leave them unchanged until `dumps` / `dump` has returned.
   */
  addMember(name: string, data: Uint8Array | readonly Uint8Array[]): string;
  /** The `__id__` that `value` has or will have. */
  idOf(value: unknown): number;
}

/** Turns JavaScript values of some kind into schema states. */
export interface Dumper {
  /** A name for errors and debugging, e.g. `numpy.ndarray`. */
  readonly name: string;
  test(value: unknown): boolean;
  /** The node state without `__id__` (the context adds it). */
  dump(value: unknown, ctx: DumpContext): Record<string, unknown>;
}

/** A JSON value of the canonical description (see the fixtures' `describe` spec). */
export type Description =
  | null
  | boolean
  | number
  | string
  | readonly Description[]
  | { readonly [key: string]: Description };

/** Describes JavaScript values of some kind; `describe` recurses through the context. */
export interface Describer {
  readonly name: string;
  test(value: unknown): boolean;
  describe(value: unknown, ctx: DescribeContext): Description;
}

/** Given to describers. */
export interface DescribeContext {
  describe(value: unknown): Description;
  /**
   * The Python environment to describe the value as loaded in, when the
   * caller gave one (scikit-learn re-stamps `_sklearn_version` on load).
   */
  readonly env: Required<PythonEnv> | undefined;
}

/** Turns the constructed value of an ObjectNode of a known class into a richer one. */
export interface Reviver {
  /** Full class names (`module.Class`) this reviver claims. */
  readonly classes: readonly string[];
  revive(value: unknown, ctx: ConstructContext): unknown;
}

/** Converts dict keys stored as strings back to a key type (`numpy.int64("3")`). */
export interface KeyConverter {
  /** Full type names, e.g. `numpy.int64`. */
  readonly types: readonly string[];
  convert(text: string, typeName: string): unknown;
  /**
   * For dumping: the key type (a value that dumps as a TypeNode, e.g. a
   * `PyType`) and the JSON key text of a key value of these types, or
   * undefined when `key` is not one.
   */
  encode?(key: unknown): { readonly type: unknown; readonly text: string } | undefined;
}

/**
 * A plugin: the handlers, dumpers, trust data and description rules of one
 * Python library. Pass plugins explicitly to `loads`, `dumps`, `describe`.
 */
export interface SkopsPlugin {
  /** The npm package name, e.g. `@skops-ts/numpy`. */
  readonly name: string;
  readonly handlers?: readonly NodeHandler[];
  readonly dumpers?: readonly Dumper[];
  readonly describers?: readonly Describer[];
  readonly revivers?: readonly Reviver[];
  readonly keyConverters?: readonly KeyConverter[];
  readonly trustGroups?: Readonly<Record<string, TrustGroup>>;
}
