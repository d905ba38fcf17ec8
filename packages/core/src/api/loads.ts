import { memorySource } from '../archive/memory-source.js';
import type { ByteSource } from '../archive/types.js';
import { UntrustedTypesError } from '../errors/untrusted-types-error.js';
import { SkopsError } from '../errors/skops-error.js';
import { unsafeSet } from '../tree/audit.js';
import { constructTree, wrapHandlerError } from '../tree/construct-tree.js';
import type { InertNode, PrepareContext } from '../plugin/types.js';
import type { LoadOptions } from './options.js';
import { checkTrusted, guardStack, openSkops } from './open-skops.js';
import { readMembers } from './read-members.js';

/**
 * Loads a skops file from bytes, in Python's three phases: parse the schema
 * into an inert tree, audit it against the trusted types, then construct
 * values. Nothing from the file is executed; untrusted types stop the load
 * before any value is built.
 */
export async function loads(data: Uint8Array, options: LoadOptions = {}): Promise<unknown> {
  if (!(data instanceof Uint8Array)) {
    throw new SkopsError(
      'INVALID_ARCHIVE',
      "loads takes the file's bytes (a Uint8Array); to read a path use load from @skops-ts/core/node.",
    );
  }
  return loadFromSource(memorySource(data), options);
}

/** {@link loads} from any byte source (a file handle in Node). */
export async function loadFromSource(
  source: ByteSource,
  options: LoadOptions = {},
): Promise<unknown> {
  const trusted = checkTrusted(options.trusted);
  const opened = await openSkops(source, options);
  try {
    const tree = opened.buildTree(trusted);
    const given = new Set(trusted ?? []);
    const unsafe = [...unsafeSet(tree.root)].filter((t) => !given.has(t)).sort();
    if (unsafe.length > 0) throw new UntrustedTypesError(unsafe);
    const members = await readMembers(opened.archive, [...tree.members]);
    const member = (name: string): Uint8Array => {
      const bytes = members.get(name);
      if (!bytes)
        throw new SkopsError('MISSING_MEMBER', `Member "${name}" was not declared while parsing.`);
      return bytes;
    };
    const prepared = new Map<InertNode, unknown>();
    for (const node of tree.toPrepare) {
      prepared.set(
        node,
        await prepareNode(node, { path: node.path, limits: opened.limits, member }),
      );
    }
    return guardStack(() =>
      constructTree(tree.root, {
        registry: opened.registry,
        limits: opened.limits,
        env: opened.env,
        member,
        prepared,
      }),
    );
  } finally {
    await opened.archive.close();
  }
}

async function prepareNode(node: InertNode, ctx: PrepareContext): Promise<unknown> {
  try {
    return await node.handler.prepare?.(node, ctx);
  } catch (err) {
    throw wrapHandlerError(err, node);
  }
}
