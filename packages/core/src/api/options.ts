import type { Limits } from '../limits.js';
import type { PythonEnv, SkopsPlugin } from '../plugin/types.js';

/** Options of `loads`, `load`, `getUntrustedTypes`, `visualize`. */
export interface LoadOptions {
  /** The plugins of the libraries the file uses (`numpyPlugin`, `sklearnPlugin`, …). */
  readonly plugins?: readonly SkopsPlugin[];
  /**
   * Type names to trust on top of the defaults — typically the reviewed
   * output of `getUntrustedTypes`. `true` is refused (CVE-2024-37065).
   */
  readonly trusted?: readonly string[];
  /** Which library versions' default trusted lists apply; defaults to the newest known. */
  readonly pythonEnv?: PythonEnv;
  readonly limits?: Partial<Limits>;
}

/** Options of `dumps` and `dump`. */
export interface DumpOptions {
  readonly plugins?: readonly SkopsPlugin[];
  /** Zip compression of the members; Python's default is `stored`. */
  readonly compression?: 'stored' | 'deflate';
  /** DEFLATE level 0–9. */
  readonly level?: number;
  readonly limits?: Partial<Limits>;
}
