import { resolveLimits, untrustedTypesFromSource } from '@skops-ts/core';
import type { Command } from 'commander';
import { reportError, withExitCodesHelp, type CommandContext } from '../command-context.js';
import { EXIT } from '../exit-codes.js';
import { openInput } from '../files/input-source.js';
import { schemaProtocol } from '../files/schema-protocol.js';
import { addLoadOptions, auditOptionsOf, type LoadFlags } from '../options/load-options.js';
import { errorCode } from '../output/error-report.js';
import { toJson, visible } from '../output/safe-text.js';
import { printData, type Terminal } from '../output/terminal.js';

interface AuditFlags extends LoadFlags {
  readonly json?: boolean;
}

/** What the audit of one file found. */
interface AuditResult {
  readonly protocol: number;
  /** Every type not trusted by default, as Python's get_untrusted_types reports them. */
  readonly untrusted: readonly string[];
  /** Those not passed with --trusted. */
  readonly remaining: readonly string[];
}

async function auditFile(
  file: string,
  flags: AuditFlags,
  terminal: Terminal,
): Promise<AuditResult> {
  // Only the directory and schema.json are read: no progress bar is needed.
  const untrusted = await untrustedTypesFromSource(
    await openInput(file, terminal, { progress: false }),
    auditOptionsOf(flags),
  );
  const protocol = await schemaProtocol(
    await openInput(file, terminal, { progress: false }),
    resolveLimits(flags.limit),
  );
  const given = new Set(flags.trusted);
  return { protocol, untrusted, remaining: untrusted.filter((t) => !given.has(t)) };
}

function describeResult(file: string, result: AuditResult): string {
  const { protocol, untrusted, remaining } = result;
  const head = `${visible(file)}: protocol ${protocol}, `;
  if (untrusted.length === 0) return `${head}no untrusted types`;
  const count = `${untrusted.length} untrusted type${untrusted.length === 1 ? '' : 's'}`;
  const passed = remaining.length === 0 ? ', all passed with --trusted' : '';
  const given = new Set(untrusted.filter((t) => !remaining.includes(t)));
  const lines = untrusted.map((t) => `  ${visible(t)}${given.has(t) ? '  (--trusted)' : ''}`);
  return [`${head}${count}${passed}:`, ...lines].join('\n');
}

/** `skops audit FILE...`: the untrusted types of each file, read without loading anything. */
export function registerAudit(program: Command, context: CommandContext): void {
  const command = program
    .command('audit')
    .summary('list the types in skops files that are not trusted by default')
    .description(
      'List, for each file, the types that are not trusted by default (what Python skops get_untrusted_types reports). ' +
        'Only schema.json is read; nothing is loaded or executed.',
    )
    .argument('<FILE...>', 'skops files to audit')
    .option(
      '--json',
      'print one JSON object per file per line: {"file", "protocol", "untrusted_types", "remaining"}; an unreadable file gives {"file", "error": {"code", "message"}}',
    );
  addLoadOptions(command);
  withExitCodesHelp(command).action(async (files: string[], flags: AuditFlags, self: Command) => {
    for (const file of files) {
      try {
        const result = await auditFile(file, flags, context.terminal);
        if (flags.json) {
          printData(
            context.terminal,
            toJson({
              file,
              protocol: result.protocol,
              untrusted_types: result.untrusted,
              remaining: result.remaining,
            }),
          );
        } else {
          printData(context.terminal, describeResult(file, result));
        }
        context.exitWith(result.remaining.length > 0 ? EXIT.UNTRUSTED : EXIT.OK);
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
