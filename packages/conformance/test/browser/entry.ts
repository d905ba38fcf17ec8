// Bundled for the browser by browser.test.ts: the official packages' browser
// entries, exposed to the page as one object the test drives.
import { describe, dumps, getUntrustedTypes, loads, type SkopsPlugin } from '@skops-ts/core';
import { numpyPlugin } from '@skops-ts/numpy';
import { scipyPlugin } from '@skops-ts/scipy';
import { sklearnPlugin } from '@skops-ts/sklearn';
import { xgboostPlugin } from '@skops-ts/xgboost';

const plugins: readonly SkopsPlugin[] = [numpyPlugin, scipyPlugin, sklearnPlugin, xgboostPlugin];

interface PythonEnv {
  readonly sklearn?: string;
  readonly numpy?: string;
  readonly scipy?: string;
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Audits, loads and describes a file, then writes it (DEFLATE) and loads that again. */
async function runCase(base64: string, pythonEnv: PythonEnv, trusted: string[]) {
  const bytes = fromBase64(base64);
  const untrusted = await getUntrustedTypes(bytes, { plugins, pythonEnv });
  const value = await loads(bytes, { plugins, pythonEnv, trusted });
  const description = describe(value, { plugins, pythonEnv });
  const written = await dumps(value, { plugins, compression: 'deflate' });
  const reloaded = await loads(written, {
    plugins,
    pythonEnv,
    trusted: await getUntrustedTypes(written, { plugins, pythonEnv }),
  });
  return { untrusted, description, roundTrip: describe(reloaded, { plugins, pythonEnv }) };
}

function platform() {
  return {
    hasNodeProcess: typeof (globalThis as { process?: unknown }).process !== 'undefined',
    hasDecompressionStream: typeof DecompressionStream === 'function',
  };
}

(globalThis as Record<string, unknown>).skopsBrowserTest = { runCase, platform };
