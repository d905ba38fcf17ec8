import { SkopsError } from '../errors/skops-error.js';
import type {
  Describer,
  Dumper,
  KeyConverter,
  NodeHandler,
  Reviver,
  SkopsPlugin,
  TrustGroup,
} from './types.js';

/** The schema protocol this library writes, and the fallback for older files (Python's rule). */
export const CURRENT_PROTOCOL = 2;

/** Everything the registered plugins provide, looked up by key. Built once, then frozen. */
export interface Registry {
  readonly plugins: readonly SkopsPlugin[];
  handler(loader: string, protocol: number): NodeHandler | undefined;
  readonly dumpers: readonly Dumper[];
  readonly describers: readonly Describer[];
  reviver(className: string): Reviver | undefined;
  keyConverter(typeName: string): KeyConverter | undefined;
  readonly keyConvertersList: readonly KeyConverter[];
  readonly trustGroups: ReadonlyMap<string, TrustGroup>;
}

/**
 * Builds a frozen registry from plugins. Two plugins claiming the same loader
 * and protocol, class or trust group is an error rather than a silent override.
 */
export function createRegistry(plugins: readonly SkopsPlugin[]): Registry {
  const handlers = new Map<string, NodeHandler>();
  const revivers = new Map<string, Reviver>();
  const keyConverters = new Map<string, KeyConverter>();
  const trustGroups = new Map<string, TrustGroup>();
  const dumpers: Dumper[] = [];
  const describers: Describer[] = [];
  const owner = new Map<string, string>();
  const claim = (key: string, plugin: SkopsPlugin) => {
    const previous = owner.get(key);
    if (previous !== undefined) {
      throw new SkopsError(
        'PLUGIN_ERROR',
        `Plugins ${previous} and ${plugin.name} both provide ${key}. Register only one of them.`,
      );
    }
    owner.set(key, plugin.name);
  };
  for (const plugin of plugins) {
    for (const handler of plugin.handlers ?? []) {
      for (const protocol of handler.protocols ?? [CURRENT_PROTOCOL]) {
        const key = `${handler.loader}@${protocol}`;
        claim(`loader ${key}`, plugin);
        handlers.set(key, handler);
      }
    }
    for (const reviver of plugin.revivers ?? []) {
      for (const cls of reviver.classes) {
        claim(`class ${cls}`, plugin);
        revivers.set(cls, reviver);
      }
    }
    for (const converter of plugin.keyConverters ?? []) {
      for (const type of converter.types) {
        claim(`key type ${type}`, plugin);
        keyConverters.set(type, converter);
      }
    }
    for (const [name, group] of Object.entries(plugin.trustGroups ?? {})) {
      claim(`trust group ${name}`, plugin);
      trustGroups.set(name, group);
    }
    dumpers.push(...(plugin.dumpers ?? []));
    describers.push(...(plugin.describers ?? []));
  }
  return Object.freeze({
    plugins: Object.freeze([...plugins]),
    handler: (loader: string, protocol: number) => handlers.get(`${loader}@${protocol}`),
    dumpers: Object.freeze(dumpers),
    describers: Object.freeze(describers),
    reviver: (cls: string) => revivers.get(cls),
    keyConverter: (type: string) => keyConverters.get(type),
    keyConvertersList: Object.freeze([...new Set(keyConverters.values())]),
    trustGroups,
  });
}
