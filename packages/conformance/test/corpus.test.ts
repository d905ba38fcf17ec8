import { readFileSync } from 'node:fs';
import { describe as group, expect, it } from 'vitest';
import {
  describe,
  dumps,
  getUntrustedTypes,
  loads,
  createRegistry,
  type SkopsPlugin,
} from '@skops-ts/core';
import {
  firstDifference,
  jsonEqual,
  pythonEnvOf,
  sameDescription,
  skopsCases,
  type SkopsCase,
} from './fixtures.js';
import { availablePlugins } from './plugins.js';
import { normaliseSchema, openFile } from './schema-tree.js';

const plugins = await availablePlugins();
const registry = createRegistry(plugins);
const FOLDERS = ['skops', 'skops-modern', 'old-protocols', 'realworld'];

/** Every loader named in a schema, found by walking it. */
function loadersIn(schema: unknown, out = new Set<string>()): Set<string> {
  const stack = [schema];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.__loader__ === 'string') out.add(o.__loader__);
      stack.push(...Object.values(o));
    }
  }
  return out;
}

async function missingLoaders(c: SkopsCase): Promise<string[]> {
  const { schema } = await openFile(readFileSync(c.file));
  const protocol = Number(schema.protocol);
  return [...loadersIn(schema)].filter(
    (l) =>
      !registry.handler(l, protocol) &&
      !registry.handler(l, 2) &&
      ![
        'DictNode',
        'ListNode',
        'TupleNode',
        'SetNode',
        'JsonNode',
        'BytesNode',
        'BytearrayNode',
        'SliceNode',
        'FunctionNode',
        'MethodNode',
        'PartialNode',
        'TypeNode',
        'ConstructorFromReduceNode',
        'ObjectNode',
        'OperatorFuncNode',
        'DefaultDictNode',
        'CachedNode',
      ].includes(l),
  );
}

const options = (c: SkopsCase, extra: Record<string, unknown> = {}) => ({
  plugins: plugins as readonly SkopsPlugin[],
  pythonEnv: pythonEnvOf(c.sidecar),
  ...extra,
});

for (const folder of FOLDERS) {
  const cases = skopsCases(folder);
  group(`the ${folder} corpus`, async () => {
    for (const c of cases) {
      const missing = await missingLoaders(c);
      const runIf = missing.length === 0 ? it : it.skip;
      const label = missing.length ? `${c.name} (needs ${missing.join(', ')})` : c.name;
      const expectedUntrusted = c.sidecar.untrusted_types as string[] | undefined;
      const expectedDescribe = c.sidecar.describe ?? c.sidecar.describe_by_writer;

      if (expectedUntrusted) {
        runIf(`${label}: getUntrustedTypes reports what Python reports`, async () => {
          expect(await getUntrustedTypes(readFileSync(c.file), options(c))).toEqual(
            expectedUntrusted,
          );
        });
      }
      if (c.sidecar.untrusted_types_error && c.sidecar.describe_by_writer !== undefined) {
        // Python cannot read these; the goal is to load them as the skops release that wrote them did.
        runIf(
          `${label}: loads as the release that wrote it did, where Python now fails`,
          async () => {
            const bytes = readFileSync(c.file);
            const value = await loads(
              bytes,
              options(c, { trusted: await getUntrustedTypes(bytes, options(c)) }),
            );
            expect(
              firstDifference(
                describe(value, { plugins, pythonEnv: pythonEnvOf(c.sidecar) }),
                c.sidecar.describe_by_writer,
              ) ?? 'equal',
            ).toBe('equal');
          },
        );
      }
      if (expectedDescribe !== undefined && expectedUntrusted) {
        runIf(`${label}: loads to the description Python gives`, async () => {
          const value = await loads(
            readFileSync(c.file),
            options(c, { trusted: expectedUntrusted }),
          );
          const got = describe(value, { plugins, pythonEnv: pythonEnvOf(c.sidecar) });
          expect(sameDescription(got, expectedDescribe)).toBe('equal');
        });
        runIf(`${label}: survives a round trip through dumps`, async () => {
          const original = readFileSync(c.file);
          const value = await loads(original, options(c, { trusted: expectedUntrusted }));
          const written = await dumps(value, { plugins });
          const reloaded = await loads(
            written,
            options(c, { trusted: await getUntrustedTypes(written, options(c)) }),
          );
          expect(
            sameDescription(
              describe(reloaded, { plugins, pythonEnv: pythonEnvOf(c.sidecar) }),
              expectedDescribe,
            ),
          ).toBe('equal');
          // Files of the current writer (protocol 2, skops 0.15) must come back node for node.
          if (c.folder === 'skops' || c.folder === 'skops-modern') {
            const a = await openFile(original);
            const b = await openFile(written);
            const na = normaliseSchema(a.schema);
            const nb = normaliseSchema(b.schema);
            expect(firstDifference(nb.tree, na.tree) ?? 'equal').toBe('equal');
            for (let i = 0; i < na.members.length; i++) {
              const name = na.members[i] as string;
              if (!name.endsWith('.npy')) continue;
              expect(
                jsonEqual(
                  [...(await b.member(nb.members[i] as string))],
                  [...(await a.member(name))],
                ),
                `member ${name}`,
              ).toBe(true);
            }
          }
        });
      }
    }
  });
}
