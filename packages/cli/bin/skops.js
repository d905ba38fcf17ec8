#!/usr/bin/env node
/* global process, URL */
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write(
    'skops: error: the CLI is not built yet: run `npm run build` at the repository root [NOT_BUILT]\n',
  );
  process.exit(5);
}
await import(cli.href);
