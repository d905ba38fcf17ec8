import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as group, expect, it } from 'vitest';
import { getUntrustedTypes, loads, SkopsError, type SkopsPlugin } from '@skops-ts/core';
import { FIXTURES, pythonEnvOf } from './fixtures.js';
import { availablePlugins } from './plugins.js';

const plugins: readonly SkopsPlugin[] = await availablePlugins();
const MARKER = '/tmp/skops-pwned-marker';
const dir = join(FIXTURES, 'hostile');

interface HostileCase {
  readonly file: string;
  readonly kind: string;
  readonly attack: string;
  readonly expect: {
    error?: boolean;
    untrusted?: string[];
    or_error?: boolean;
    load_error?: boolean;
    error_should_mention?: string[];
  };
  readonly python?: Record<string, string>;
}

const cases = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as HostileCase)
      .filter((c) => c.kind === 'skops' || c.kind === 'zip')
  : [];

/** The outcome of a call: its value, or the typed error code (an untyped error is a failure of its own). */
async function outcome<T>(
  work: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; code: string; message: string }> {
  try {
    return { ok: true, value: await work() };
  } catch (err) {
    if (!SkopsError.isInstance(err))
      throw new Error(`untyped error: ${String(err)}`, { cause: err });
    return { ok: false, code: err.code, message: err.message };
  }
}

group('the hostile corpus (skops and zip kinds)', () => {
  for (const c of cases) {
    it(`${c.file}: ${c.attack.slice(0, 90)}`, async () => {
      const bytes = readFileSync(join(dir, c.file));
      const options = { plugins, pythonEnv: pythonEnvOf(c as unknown as Record<string, unknown>) };
      const audit = await outcome(() => getUntrustedTypes(bytes, options));
      const load = await outcome(() => loads(bytes, options));
      if (c.expect.error) {
        expect(audit.ok, 'getUntrustedTypes must refuse').toBe(false);
        expect(load.ok, 'loads must refuse').toBe(false);
        const mention = c.expect.error_should_mention;
        if (mention && !load.ok)
          expect(
            mention.some((m) => load.message.includes(m)),
            load.message,
          ).toBe(true);
      } else if (c.expect.untrusted) {
        if (audit.ok) expect(audit.value).toEqual(c.expect.untrusted);
        else expect(c.expect.or_error, `audit failed: ${audit.ok ? '' : audit.message}`).toBe(true);
        if (c.expect.untrusted.length > 0)
          expect(load.ok, 'loads without trusted must refuse').toBe(false);
        if (c.expect.load_error) {
          const trusted = await outcome(() =>
            loads(bytes, { ...options, trusted: c.expect.untrusted }),
          );
          expect(trusted.ok, 'loads must refuse even with every listed type trusted').toBe(false);
        }
      }
      expect(existsSync(MARKER)).toBe(false);
    });
  }
});
