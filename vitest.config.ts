import { readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
// Tests run against the sources, so a change is tested without a rebuild;
// the packaging checks (publint, attw) and the CLI tests use the built output.
const alias = readdirSync(`${root}packages`).flatMap((name) => {
  const src = `${root}packages/${name}/src`;
  const entries = [];
  if (existsSync(`${src}/node.ts`))
    entries.push({ find: `@skops-ts/${name}/node`, replacement: `${src}/node.ts` });
  if (existsSync(`${src}/index.ts`))
    entries.push({ find: new RegExp(`^@skops-ts/${name}$`), replacement: `${src}/index.ts` });
  return entries;
});

export default defineConfig({
  resolve: { alias },
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The JSON report lets .ci/run print the real totals.
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
  },
});
