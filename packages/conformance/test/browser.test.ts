import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pythonEnvOf, sameDescription, skopsCases } from './fixtures.js';

// Proves the browser story in a real browser: the packages bundle for the
// browser without Node built-ins, and the bundle audits, loads, describes and
// round-trips the fixture corpora there exactly as Python does.
const here = fileURLToPath(new URL('.', import.meta.url));
const packages = resolve(here, '../..');
const CHROMIUM =
  process.env.CHROMIUM ??
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
if (!CHROMIUM) {
  console.warn(
    '[browser] SKIPPED: no Chromium found (apt-get install chromium, or set CHROMIUM to a Chrome/Chromium binary); the browser tests did not run.',
  );
}

const cases = ['skops', 'skops-modern', 'realworld']
  .flatMap((folder) => skopsCases(folder))
  .filter((c) => Array.isArray(c.sidecar.untrusted_types) && c.sidecar.describe !== undefined);

interface CaseResult {
  untrusted: string[];
  description: unknown;
  roundTrip: unknown;
}

describe.skipIf(!CHROMIUM)('the packages in a real browser (headless Chromium)', () => {
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    const alias = Object.fromEntries(
      ['core', 'numpy', 'scipy', 'sklearn', 'xgboost'].map((name) => [
        `@skops-ts/${name}`,
        resolve(packages, name, 'src/index.ts'),
      ]),
    );
    const bundle = await build({
      entryPoints: [resolve(here, 'browser/entry.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      write: false,
      alias,
      logLevel: 'silent',
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage();
    await page.setContent('<!doctype html><title>skops-ts browser test</title>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text, type: 'module' });
    await page.waitForFunction(() => 'skopsBrowserTest' in globalThis);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('runs with no Node process object and with the browser’s own DecompressionStream', async () => {
    const platform = await page.evaluate(() =>
      (
        globalThis as unknown as {
          skopsBrowserTest: {
            platform(): { hasNodeProcess: boolean; hasDecompressionStream: boolean };
          };
        }
      ).skopsBrowserTest.platform(),
    );
    expect(platform).toEqual({ hasNodeProcess: false, hasDecompressionStream: true });
  });

  it('has fixture cases to run', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const c of cases) {
    it(`${c.folder}/${c.name}: audits as Python does, loads to Python's description and round-trips`, async () => {
      const pythonEnv = pythonEnvOf(c.sidecar);
      const trusted = c.sidecar.untrusted_types as string[];
      const result = await page.evaluate(
        ([base64, env, types]) =>
          (
            globalThis as unknown as {
              skopsBrowserTest: {
                runCase(b: string, e: typeof env, t: string[]): Promise<CaseResult>;
              };
            }
          ).skopsBrowserTest.runCase(base64, env, types),
        [readFileSync(c.file).toString('base64'), pythonEnv, trusted] as const,
      );
      expect(result.untrusted).toEqual(trusted);
      expect(sameDescription(result.description, c.sidecar.describe)).toBe('equal');
      expect(sameDescription(result.roundTrip, c.sidecar.describe)).toBe('equal');
    });
  }
});
