import { SkopsError, resolveLimits, type Limits } from '@skops-ts/core';
import {
  builtinRecognisers,
  convertGraph,
  readJoblib,
  scanPickle,
  type PickleScan,
  type Refusal,
} from '@skops-ts/pickle';
import type { Command } from 'commander';
import { reportError, withExitCodesHelp, type CommandContext } from '../command-context.js';
import { EXIT } from '../exit-codes.js';
import { readInput } from '../files/input-source.js';
import { collectLimit } from '../options/option-parsers.js';
import { errorCode } from '../output/error-report.js';
import { toJson, visible } from '../output/safe-text.js';
import { printData } from '../output/terminal.js';
import { OFFICIAL_RECOGNISERS } from '../recognisers.js';

interface ScanFlags {
  readonly json?: boolean;
  readonly limit: Partial<Limits>;
}

/** Whether `skops convert` would accept the file, and if not, why. */
type Verdict =
  | { readonly accepted: true; readonly joblibArrays: number }
  | {
      readonly accepted: false;
      readonly joblibArrays: number | null;
      readonly refusals: readonly Refusal[];
      readonly error: { readonly code: string; readonly message: string };
    };

const refusalsOf = (err: unknown): readonly Refusal[] =>
  SkopsError.isInstance(err) && Array.isArray((err as { refusals?: unknown }).refusals)
    ? (err as SkopsError & { refusals: readonly Refusal[] }).refusals
    : [];

/** Runs the converter on the inert graph (nothing is executed, nothing written). */
function verdictOf(bytes: Uint8Array, limits: Partial<Limits>): Verdict {
  let joblibArrays: number | null = null;
  try {
    const graph = readJoblib(bytes, { limits });
    joblibArrays = graph.arrays.length;
    convertGraph(graph.root, {
      recognisers: [...OFFICIAL_RECOGNISERS, ...builtinRecognisers],
      limits: resolveLimits(limits),
    });
    return { accepted: true, joblibArrays };
  } catch (err) {
    if (!SkopsError.isInstance(err)) throw err;
    return {
      accepted: false,
      joblibArrays,
      refusals: refusalsOf(err),
      error: { code: err.code, message: err.message },
    };
  }
}

function describeScan(file: string, scan: PickleScan, verdict: Verdict): string {
  const arrays =
    verdict.joblibArrays === null || verdict.joblibArrays === 0
      ? ''
      : `, ${verdict.joblibArrays} joblib array${verdict.joblibArrays === 1 ? '' : 's'}`;
  const lines = [
    `${visible(file)}: pickle protocol ${scan.protocol ?? '0 or 1 (no PROTO opcode)'}, compression ${scan.compression}${arrays}`,
    `  globals (${scan.globals.length}):`,
  ];
  for (const name of scan.globals) lines.push(`    ${visible(name)}`);
  if (scan.globalsPy3.join('\n') !== scan.globals.join('\n')) {
    lines.push('  as Python 3 imports them:');
    for (const name of scan.globalsPy3) lines.push(`    ${visible(name)}`);
  }
  lines.push(`  opcodes: ${scan.opcodes.join(' ')}`);
  if (scan.persistentIds > 0) lines.push(`  persistent ids: ${scan.persistentIds}`);
  if (scan.extensionCodes.length > 0)
    lines.push(`  extension codes: ${scan.extensionCodes.join(' ')}`);
  if (verdict.accepted)
    lines.push('  convert: accepted, every global is recognised or a reference');
  else if (verdict.refusals.length > 0) {
    lines.push(`  convert: refused, it would call:`);
    for (const r of verdict.refusals)
      lines.push(`    ${visible(r.global)} ${r.how} at ${visible(r.path)}`);
  } else {
    lines.push(`  convert: refused: ${visible(verdict.error.message)} [${verdict.error.code}]`);
  }
  return lines.join('\n');
}

/** `skops scan FILE...`: what pickle or joblib files reference, read without executing them. */
export function registerScan(program: Command, context: CommandContext): void {
  const command = program
    .command('scan')
    .summary('list what pickle or joblib files reference, without executing them')
    .description(
      'Read each pickle or joblib file (compressed or not) as inert opcodes and list its pickle protocol, ' +
        'compression, the globals it references (as spelled in the file, and the Python 3 name where ' +
        'fix_imports changes it), the opcodes used and, for joblib files, the number of arrays. Then say whether ' +
        'skops convert would accept it: every global recognised or only referenced (exit 0), or refused ' +
        'because it calls globals no recogniser knows (listed with where they sit) or holds something skops ' +
        'cannot store (exit 1). Nothing is executed or written.',
    )
    .argument('<FILE...>', 'pickle or joblib files to scan')
    .option(
      '--json',
      'print one JSON object per file per line: {"file", "protocol", "compression", "globals", "globals_py3", "opcodes", "joblib_arrays", "persistent_ids", "extension_codes", "convertible", "refused", "error"}; an unreadable file gives {"file", "error": {"code", "message"}}',
    )
    .option(
      '--limit <NAME=N>',
      'raise or lower a resource limit, e.g. --limit maxMemberBytes=16g (repeatable)',
      collectLimit,
      {},
    );
  withExitCodesHelp(command).action(async (files: string[], flags: ScanFlags, self: Command) => {
    for (const file of files) {
      try {
        const bytes = await readInput(file, context.terminal);
        const scan = scanPickle(bytes, { limits: flags.limit });
        const verdict = verdictOf(bytes, flags.limit);
        if (flags.json) {
          printData(
            context.terminal,
            toJson({
              file,
              protocol: scan.protocol,
              compression: scan.compression,
              globals: scan.globals,
              globals_py3: scan.globalsPy3,
              opcodes: scan.opcodes,
              joblib_arrays: verdict.joblibArrays,
              persistent_ids: scan.persistentIds,
              extension_codes: scan.extensionCodes,
              convertible: verdict.accepted,
              refused: verdict.accepted ? [] : verdict.refusals,
              error: verdict.accepted ? null : verdict.error,
            }),
          );
        } else {
          printData(context.terminal, describeScan(file, scan, verdict));
        }
        context.exitWith(verdict.accepted ? EXIT.OK : EXIT.UNTRUSTED);
      } catch (err) {
        if (flags.json) {
          const message = err instanceof Error ? err.message : String(err);
          printData(context.terminal, toJson({ file, error: { code: errorCode(err), message } }));
        }
        reportError(context, self, err, file);
      }
    }
  });
}
