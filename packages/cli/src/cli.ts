import type { OutputStream } from './output/terminal.js';
import { run } from './run.js';

// A reader that goes away (`skops audit *.skops | head`) is not an error:
// output stops quietly and the run still ends with its real exit code.
let readerGone = false;
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  readerGone = true;
});
const stdout: OutputStream = {
  isTTY: process.stdout.isTTY,
  write: (text) => !readerGone && process.stdout.write(text),
};

process.exitCode = await run(process.argv.slice(2), {
  stdout,
  stderr: process.stderr,
  env: process.env,
});
