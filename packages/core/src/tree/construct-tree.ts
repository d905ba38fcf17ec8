import { SkopsError } from '../errors/skops-error.js';
import type { Limits } from '../limits.js';
import type { Registry } from '../plugin/registry.js';
import type { ConstructContext, InertNode, PythonEnv } from '../plugin/types.js';
import { PyObject } from '../values/py-object.js';
import { convertKey } from './convert-key.js';

/** What construction reads: the members preloaded after the audit. */
export interface ConstructOptions {
  readonly registry: Registry;
  readonly limits: Limits;
  readonly env: Required<PythonEnv>;
  member(name: string): Uint8Array;
  /** Results of the handlers' `prepare` steps. */
  readonly prepared: ReadonlyMap<InertNode, unknown>;
}

/**
 * Constructs values from an audited tree. Each node is built once (shared
 * `__id__`s give one JavaScript object); a node reached again while it is
 * being built is a cycle, refused instead of recursing forever.
 */
export function constructTree(root: InertNode, options: ConstructOptions): unknown {
  const done = new Map<InertNode, unknown>();
  const building = new Set<InertNode>();

  const construct = (node: InertNode): unknown => {
    if (done.has(node)) return done.get(node);
    if (building.has(node)) {
      throw new SkopsError(
        'CYCLE',
        'The schema refers back to a node that contains it; such a cycle cannot be built.',
        { path: node.path },
      );
    }
    building.add(node);
    const ctx: ConstructContext = {
      path: node.path,
      prepared: options.prepared.get(node),
      limits: options.limits,
      env: options.env,
      construct,
      member: options.member,
      convertKey: (keyType, text) => convertKey(keyType, text, options.registry, node.path),
      revive: (value) => {
        if (!PyObject.is(value)) return value;
        const reviver = options.registry.reviver(value.className);
        return reviver ? reviver.revive(value, ctx) : value;
      },
      error: (message) => new SkopsError('INVALID_DATA', message, { path: node.path }),
    };
    let value: unknown;
    try {
      value = node.handler.construct(node, ctx);
    } catch (err) {
      throw wrapHandlerError(err, node);
    }
    building.delete(node);
    done.set(node, value);
    return value;
  };

  return construct(root);
}

/** A handler's own failure becomes a typed error naming the loader and the node (rollup's PLUGIN_ERROR idea). */
export function wrapHandlerError(err: unknown, node: InertNode): SkopsError {
  if (SkopsError.isInstance(err)) return err;
  if (err instanceof RangeError) {
    return new SkopsError(
      'LIMIT_EXCEEDED',
      'The value is nested too deeply to construct. Raise limits.maxDepth only if you trust the file.',
      { path: node.path, cause: err },
    );
  }
  const message = err instanceof Error ? err.message : String(err);
  return new SkopsError(
    'PLUGIN_ERROR',
    `${node.loader} (protocol ${node.protocol}) failed: ${message}`,
    { path: node.path, cause: err },
  );
}
