import {
  describe as describeValue,
  dumps,
  getUntrustedTypes,
  loads,
  type SkopsPlugin,
} from '@skops-ts/core';
import { numpyPlugin, numpyRecognisers } from '@skops-ts/numpy';
import { scipyPlugin } from '@skops-ts/scipy';
import { sklearnPlugin } from '@skops-ts/sklearn';
import { xgboostPlugin } from '@skops-ts/xgboost';
import type { PickleRecogniser } from '@skops-ts/pickle';
import { scipyRecognisers } from '@skops-ts/scipy';
import { sklearnRecognisers } from '@skops-ts/sklearn';
import { xgboostRecognisers } from '@skops-ts/xgboost';

/** Every official plugin, as a converted value is saved and read back. */
export const PLUGINS: readonly SkopsPlugin[] = [
  numpyPlugin,
  scipyPlugin,
  sklearnPlugin,
  xgboostPlugin,
];

/** Every plugin's recognisers. */
export const RECOGNISERS: readonly PickleRecogniser[] = [
  ...numpyRecognisers,
  ...scipyRecognisers,
  ...sklearnRecognisers,
  ...xgboostRecognisers,
];

/** The fixtures' environment: scikit-learn 1.2.1, numpy 1.24.2, scipy 1.10.1. */
export const FIXTURE_ENV = { sklearn: '1.2.1', numpy: '1.24.2', scipy: '1.10.1' } as const;

/** Saves a converted value as Python skops would and audits and reloads the file. */
export async function saveAndReload(
  value: unknown,
): Promise<{ untrusted: readonly string[]; description: unknown }> {
  const bytes = await dumps(value, { plugins: PLUGINS });
  const untrusted = await getUntrustedTypes(bytes, { plugins: PLUGINS, pythonEnv: FIXTURE_ENV });
  const loaded = await loads(bytes, {
    plugins: PLUGINS,
    trusted: [...untrusted],
    pythonEnv: FIXTURE_ENV,
  });
  return { untrusted, description: describeValue(loaded, { plugins: PLUGINS }) };
}
