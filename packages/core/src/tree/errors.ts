import { SkopsError } from '../errors/skops-error.js';
import { LOADER_PACKAGES } from '../plugin/known-loaders.js';

/** A loader no registered plugin handles, naming the package that would. */
export function unknownLoader(
  loader: string,
  type: string,
  protocol: number,
  registered: readonly string[],
  path: string,
): SkopsError {
  const pkg = LOADER_PACKAGES[loader];
  const hint = pkg
    ? `Install and register ${pkg} (pass its plugin in \`plugins\`).`
    : 'No official plugin handles it; a third-party plugin may, or the file comes from a newer skops.';
  const list = registered.length ? registered.join(', ') : 'none';
  const err = new SkopsError(
    'UNKNOWN_LOADER',
    `Can't find loader ${loader} for type ${type} and protocol ${protocol}. ${hint} Registered plugins: ${list}.`,
    { path },
  );
  return Object.assign(err, { loader, packageName: pkg });
}
