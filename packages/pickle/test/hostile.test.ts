import { existsSync } from 'node:fs';
import { SkopsError } from '@skops-ts/core';
import { afterAll, describe, expect, it } from 'vitest';
import { GlobalRef, pathsOf, readJoblib, type JoblibGraph } from '@skops-ts/pickle';
import { pickleFixtures } from './fixtures.js';

const MARKER = '/tmp/skops-pwned-marker';
const hostile = pickleFixtures().filter((c) => c.dir === 'hostile');

interface Expect {
  error?: boolean;
  error_should_mention?: string[];
  untrusted?: string[];
}

function attempt(bytes: Uint8Array): { graph?: JoblibGraph; error?: unknown } {
  try {
    return { graph: readJoblib(bytes) };
  } catch (error) {
    return { error };
  }
}

/** Globals of the graph that sit where something would call or reference them, by full name. */
function referencedNames(graph: JoblibGraph): Set<string> {
  const names = new Set<string>();
  for (const g of graph.stats.globals) names.add(g.fullName).add(g.py3FullName);
  return names;
}

describe('hostile pickle and joblib files', () => {
  const markerBefore = existsSync(MARKER);

  it('has the hostile pickle and joblib cases', () => {
    expect(hostile.length).toBeGreaterThanOrEqual(20);
  });

  for (const c of hostile) {
    const expectation = c.sidecar.expect as Expect;
    it(`reads ${c.name} only as inert data: refused, or every dangerous global left as a name`, () => {
      const { graph, error } = attempt(c.bytes);
      if (error !== undefined) {
        expect(SkopsError.isInstance(error)).toBe(true);
        const mention = expectation.error_should_mention;
        if (mention) expect(mention.some((m) => (error as Error).message.includes(m))).toBe(true);
        return;
      }
      // Reading succeeded: the danger must be visible as a recorded name for the converter to refuse.
      const names = referencedNames(graph!);
      const mention = expectation.error_should_mention ?? expectation.untrusted;
      expect(mention, `${c.name} was read although nothing names its danger`).toBeDefined();
      expect(mention!.some((m) => names.has(m))).toBe(true);
    });
  }

  it('leaves os.system as a reference at the FunctionTransformer it was pickled in', () => {
    const c = hostile.find((k) => k.name === 'pickle_pipeline_functiontransformer_os_system')!;
    const graph = readJoblib(c.bytes);
    const ref = graph.stats.globals.find((g) => g.py3FullName === 'posix.system')!;
    expect(GlobalRef.is(ref)).toBe(true);
    expect(pathsOf(graph.root).get(ref)).toMatch(/^root\.steps\[\d+\]\[1\]\.func$/);
  });

  afterAll(() => {
    if (!markerBefore) expect(existsSync(MARKER)).toBe(false);
  });
});
