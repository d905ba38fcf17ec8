import { SkopsError } from '../errors/skops-error.js';
import { LimitExceededError } from '../errors/limit-exceeded-error.js';
import type { ArchiveMemberChunks } from '../archive/types.js';
import type { Limits } from '../limits.js';
import type { Registry } from '../plugin/registry.js';
import type { DumpContext, Dumper } from '../plugin/types.js';
import { PyFunction, PyType } from '../values/py-refs.js';

/**
 * Turns a value into schema states. Objects get one `__id__` each (the same
 * object dumped twice gets the same id and one member, as in Python, where
 * `__id__` is `id(obj)`); primitives get a fresh id at every occurrence.
 */
export class DumpSession implements DumpContext {
  readonly members: ArchiveMemberChunks[] = [];
  readonly #memberNames = new Set<string>();
  readonly #ids = new Map<unknown, number>();
  readonly #active = new Set<object>();
  readonly #registry: Registry;
  readonly #limits: Limits;
  #nextId = 1;
  #depth = 0;

  constructor(registry: Registry, limits: Limits) {
    this.#registry = registry;
    this.#limits = limits;
  }

  idOf(value: unknown): number {
    if (typeof value !== 'object' || value === null) return this.#nextId++;
    // Python classes and functions are singletons: one name, one object, one id.
    const key =
      PyType.is(value) || PyFunction.is(value)
        ? `${PyType.is(value) ? 'type' : 'function'}:${value.fullName}`
        : value;
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.#nextId++;
      this.#ids.set(key, id);
    }
    return id;
  }

  state(value: unknown): Record<string, unknown> {
    let dumper: Dumper | undefined;
    for (const d of this.#registry.dumpers) {
      if (d.test(value)) {
        dumper = d;
        break;
      }
    }
    if (!dumper) {
      const kind =
        value === undefined
          ? 'undefined'
          : typeof value === 'object'
            ? (value?.constructor?.name ?? 'object')
            : typeof value;
      throw new SkopsError(
        'UNSUPPORTED_VALUE',
        `Cannot save a value of type ${kind}. ${value === undefined ? 'Use null for None.' : 'Typed arrays need @skops-ts/numpy; other values need the plugin that made them.'}`,
      );
    }
    const tracked = typeof value === 'object' && value !== null;
    if (tracked) {
      if (this.#active.has(value))
        throw new SkopsError(
          'CYCLE',
          'The value contains itself; skops files cannot store cycles.',
        );
      this.#active.add(value);
    }
    if (++this.#depth > this.#limits.maxDepth) {
      throw new LimitExceededError(
        'maxDepth',
        this.#depth,
        this.#limits.maxDepth,
        'Nesting of the value being saved',
      );
    }
    try {
      const id = this.idOf(value);
      const state = dumper.dump(value, this);
      state.__id__ = id;
      return state;
    } finally {
      this.#depth--;
      if (tracked) this.#active.delete(value);
    }
  }

  keyOf(key: unknown): { readonly type: unknown; readonly text: string } | undefined {
    for (const converter of this.#registry.keyConvertersList) {
      const encoded = converter.encode?.(key);
      if (encoded) return encoded;
    }
    return undefined;
  }

  addMember(name: string, data: Uint8Array | readonly Uint8Array[]): string {
    if (!this.#memberNames.has(name)) {
      this.#memberNames.add(name);
      this.members.push({ name, data });
    }
    return name;
  }
}
