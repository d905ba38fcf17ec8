// Child process: builds one input and writes it as stored and DEFLATE skops
// files, then prints what the report needs to know about them (JSON on stdout).
// Usage: node prepare.mjs <input> <scale> <stored path> [deflate path]
import { readFile, stat } from 'node:fs/promises';
import { getUntrustedTypes, memorySource, openArchive, resolveLimits } from '@skops-ts/core';
import { dump } from '@skops-ts/core/node';
import { numpyPlugin } from '@skops-ts/numpy';
import { INPUTS } from './inputs.mjs';

const [input, scaleText, storedPath, deflatePath] = process.argv.slice(2);
const value = INPUTS[input].build(Number(scaleText));
const plugins = [numpyPlugin];
await dump(value, storedPath, { plugins });
if (deflatePath) await dump(value, deflatePath, { plugins, compression: 'deflate' });

// Count nodes and members from the stored file's schema (small files only: readFile stops at 2 GiB).
const { size } = await stat(storedPath);
let nodes = null;
let members = null;
let untrusted = [];
if (size < 2 ** 31) {
  const bytes = new Uint8Array(await readFile(storedPath));
  const archive = await openArchive(memorySource(bytes), { limits: resolveLimits(undefined) });
  const schema = new TextDecoder().decode(await archive.read('schema.json'));
  nodes = schema.match(/"__loader__"/g)?.length ?? 0;
  members = archive.entries.length;
  untrusted = await getUntrustedTypes(bytes, { plugins });
}
process.stdout.write(JSON.stringify({ size, nodes, members, untrusted }));
