import { defineConfig } from 'tsup';

// One ESM file run by bin/skops.js; the @skops-ts packages and the CLI
// libraries stay external dependencies.
export default defineConfig({
  entry: ['src/cli.ts'],
  format: ['esm'],
  dts: false,
  clean: true,
  sourcemap: true,
  target: 'node20',
  platform: 'node',
});
