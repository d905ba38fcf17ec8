import { SkopsError } from '../errors/skops-error.js';
import { createRegistry, type Registry } from '../plugin/registry.js';
import type { Description, DescribeContext, PythonEnv, SkopsPlugin } from '../plugin/types.js';
import { resolvePythonEnv } from '../trust/python-env.js';
import { corePlugin } from '../core-plugin.js';

/** Options of {@link describe}. */
export interface DescribeOptions {
  readonly plugins?: readonly SkopsPlugin[];
  /**
   * Describe the value as Python with these library versions loads it
   * (scikit-learn stamps its own version on loaded estimators). Without it,
   * values are described as stored.
   */
  readonly pythonEnv?: PythonEnv;
}

/**
 * The canonical description of a loaded value (the fixtures' `describe`
 * form), a deterministic JSON value for comparing what two implementations
 * loaded. Plugins describe their own types. A value met again inside itself
 * is refused rather than followed forever.
 */
export function describe(value: unknown, options: DescribeOptions = {}): Description {
  const env = options.pythonEnv ? resolvePythonEnv(options.pythonEnv) : undefined;
  return describeWith(createRegistry([...(options.plugins ?? []), corePlugin]), value, env);
}

/** {@link describe} with a registry already built. */
export function describeWith(
  registry: Registry,
  value: unknown,
  env?: Required<PythonEnv>,
): Description {
  const active = new Set<unknown>();
  const ctx: DescribeContext = {
    env,
    describe(v) {
      const describer = registry.describers.find((d) => d.test(v));
      if (!describer) {
        throw new SkopsError(
          'UNSUPPORTED_VALUE',
          `No rule describes a ${v === undefined ? 'undefined' : ((v as object)?.constructor?.name ?? typeof v)}. Register the plugin that produced it.`,
        );
      }
      const tracked = typeof v === 'object' && v !== null;
      if (tracked) {
        if (active.has(v))
          throw new SkopsError('CYCLE', 'The value contains itself; it has no finite description.');
        active.add(v);
      }
      try {
        return describer.describe(v, ctx);
      } finally {
        if (tracked) active.delete(v);
      }
    },
  };
  return ctx.describe(value);
}
