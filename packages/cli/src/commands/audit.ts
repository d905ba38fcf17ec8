import type { Command } from 'commander';
import { reportError, withExitCodesHelp, type CommandContext } from '../command-context.js';
import { EXIT } from '../exit-codes.js';
import { auditFile, describeAudit } from '../files/audit-file.js';
import { addLoadOptions, type LoadFlags } from '../options/load-options.js';
import { errorCode } from '../output/error-report.js';
import { toJson } from '../output/safe-text.js';
import { printData } from '../output/terminal.js';

interface AuditFlags extends LoadFlags {
  readonly json?: boolean;
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
          printData(context.terminal, describeAudit(file, result));
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
