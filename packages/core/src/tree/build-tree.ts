import { SkopsError } from '../errors/skops-error.js';
import { LimitExceededError } from '../errors/limit-exceeded-error.js';
import { isJsonNumber, isJsonObject } from '../json/json-object.js';
import type { JsonObject, JsonValue } from '../json/types.js';
import type { Limits } from '../limits.js';
import { CURRENT_PROTOCOL, type Registry } from '../plugin/registry.js';
import type {
  Child,
  InertNode,
  NodeHandler,
  ParseContext,
  TrustedParam,
  TrustSpec,
} from '../plugin/types.js';
import type { TrustResolver } from '../trust/trust-resolver.js';
import { unknownLoader } from './errors.js';
import { joinPath } from './json-path.js';

/** A node while its children are being parsed; frozen into an {@link InertNode} shape. */
type MutableNode = { -readonly [K in keyof InertNode]: InertNode[K] };

/** What building the tree needs from its surroundings. */
export interface BuildOptions {
  readonly registry: Registry;
  readonly trust: TrustResolver;
  readonly limits: Limits;
  readonly protocol: number;
  readonly trusted: TrustedParam;
  hasMember(name: string): boolean;
}

/** The inert tree of a schema and the members its construction will read. */
export interface BuiltTree {
  readonly root: InertNode;
  /** Nodes whose handler has a `prepare` step, in parse order. */
  readonly toPrepare: readonly InertNode[];
  readonly members: ReadonlySet<string>;
  readonly nodeCount: number;
}

/** The key under which a node is memoised, as Python's `__id__` dict key; undefined when not memoised (absent or 0). */
function memoKey(id: JsonValue | undefined, path: string): string | undefined {
  if (id === undefined || id === null || id === false) return undefined;
  if (isJsonNumber(id)) {
    // Python skips a falsy __id__: any spelling of zero. Most ids start with 1–9 and cannot be zero.
    const first = id.text.charCodeAt(0);
    const nonZero = (first >= 0x31 && first <= 0x39) || !/^-?0+(\.0*)?([eE].*)?$/.test(id.text);
    return nonZero ? `n:${id.text}` : undefined;
  }
  if (typeof id === 'string') return id === '' ? undefined : `s:${id}`;
  throw new SkopsError('INVALID_SCHEMA', `__id__ must be a number, got ${JSON.stringify(id)}.`, {
    path,
  });
}

function requireString(state: JsonObject, key: string, path: string): string {
  const value = state.get(key);
  if (typeof value !== 'string') {
    throw new SkopsError(
      'INVALID_SCHEMA',
      `Every node needs a string "${key}"; this one has ${value === undefined ? 'none' : JSON.stringify(value)}.`,
      { path },
    );
  }
  return value;
}

/** The state of one {@link buildTree} run. */
class TreeBuilder {
  readonly options: BuildOptions;
  readonly memo = new Map<string, InertNode>();
  readonly members = new Set<string>();
  readonly toPrepare: InertNode[] = [];
  nodeCount = 0;
  /** Handlers by loader name: the registry's lookup builds a key string per call. */
  readonly #handlers = new Map<string, NodeHandler>();

  constructor(options: BuildOptions) {
    this.options = options;
  }

  handlerFor(loader: string, state: JsonObject, path: string): NodeHandler {
    const known = this.#handlers.get(loader);
    if (known !== undefined) return known;
    const { registry, protocol } = this.options;
    const handler =
      registry.handler(loader, protocol) ?? registry.handler(loader, CURRENT_PROTOCOL);
    if (!handler) {
      const type = `${String(state.get('__module__'))}.${String(state.get('__class__'))}`;
      const registered = registry.plugins.map((p) => p.name);
      throw unknownLoader(loader, type, protocol, registered, path);
    }
    this.#handlers.set(loader, handler);
    return handler;
  }

  build(
    state: JsonValue | undefined,
    path: string,
    trusted: TrustedParam,
    depth: number,
  ): InertNode {
    const options = this.options;
    if (!isJsonObject(state)) {
      throw new SkopsError(
        'INVALID_SCHEMA',
        `Expected a node object, got ${state === undefined ? 'nothing' : JSON.stringify(state)?.slice(0, 80)}.`,
        { path },
      );
    }
    const key = memoKey(state.get('__id__'), path);
    if (key !== undefined) {
      const seen = this.memo.get(key);
      if (seen) return seen;
    }
    if (depth > options.limits.maxDepth) {
      throw new LimitExceededError(
        'maxDepth',
        depth,
        options.limits.maxDepth,
        'Schema nesting',
        path,
      );
    }
    if (++this.nodeCount > options.limits.maxNodes) {
      throw new LimitExceededError(
        'maxNodes',
        this.nodeCount,
        options.limits.maxNodes,
        'The number of schema nodes',
        path,
      );
    }
    const loader = requireString(state, '__loader__', path);
    const handler = this.handlerFor(loader, state, path);
    const ownTrusted = handler.ignoresCallerTrusted
      ? options.trust.defaults(handler.defaultTrusted ?? NO_TRUST_SPEC)
      : options.trust.effective(handler.defaultTrusted ?? NO_TRUST_SPEC, trusted);
    const node: MutableNode = {
      loader,
      module: requireString(state, '__module__', path),
      className: requireString(state, '__class__', path),
      id: key,
      path,
      protocol: options.protocol,
      handler,
      state,
      trusted: ownTrusted,
      children: NO_CHILDREN,
      data: undefined,
    };
    // Memoised before the children are parsed, as Python does, so a child
    // naming its ancestor's __id__ gets that ancestor (a cycle the audit and
    // construct phases guard against).
    if (key !== undefined) this.memo.set(key, node);
    const ctx: ParseContext = {
      protocol: options.protocol,
      path,
      limits: options.limits,
      trustedParam: trusted,
      trusted: ownTrusted,
      child: (childState, childKey, childTrusted) =>
        this.build(
          childState,
          joinPath(path, childKey),
          childTrusted === undefined ? trusted : childTrusted,
          depth + 1,
        ),
      requireMember: (name, memberKey = 'file') => {
        if (typeof name !== 'string') {
          throw new SkopsError('INVALID_SCHEMA', `"${memberKey}" must name an archive member.`, {
            path: joinPath(path, memberKey),
          });
        }
        if (!options.hasMember(name)) {
          throw new SkopsError(
            'MISSING_MEMBER',
            `The archive has no member "${name}" that this node refers to. The file is incomplete or corrupted.`,
            { path: joinPath(path, memberKey) },
          );
        }
        this.members.add(name);
        return name;
      },
      error: (message, errKey) =>
        new SkopsError('INVALID_SCHEMA', message, { path: errKey ? joinPath(path, errKey) : path }),
    };
    const parsed = handler.parse(state, ctx);
    if (parsed.children !== undefined) {
      node.children = parsed.children as readonly (readonly [string, Child])[];
    }
    node.data = parsed.data;
    if (handler.prepare) this.toPrepare.push(node);
    return node;
  }
}

const NO_CHILDREN: readonly (readonly [string, Child])[] = Object.freeze([]);
const NO_TRUST_SPEC: TrustSpec = Object.freeze({});

/**
 * Builds the inert node tree (Python's `get_tree`): finds each node's handler
 * by `__loader__` and protocol, computes its trusted set, and lets the handler
 * declare children. No value is constructed and nothing is run. A node whose
 * `__id__` was seen stands for the earlier node and is not parsed again.
 */
export function buildTree(schema: JsonObject, options: BuildOptions): BuiltTree {
  const builder = new TreeBuilder(options);
  const root = builder.build(schema, '$', options.trusted, 1);
  return {
    root,
    members: builder.members,
    toPrepare: builder.toPrepare,
    nodeCount: builder.nodeCount,
  };
}
