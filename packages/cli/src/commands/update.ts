import { CURRENT_PROTOCOL, SkopsError, loadFromSource, resolveLimits } from '@skops-ts/core';
import { Option, type Command } from 'commander';
import { reportError, withExitCodesHelp, type CommandContext } from '../command-context.js';
import { EXIT } from '../exit-codes.js';
import { CliFailure } from '../failure.js';
import { openInput } from '../files/input-source.js';
import { writeOutput } from '../files/write-output.js';
import { schemaProtocol } from '../files/schema-protocol.js';
import { addLoadOptions, loadOptionsOf, type LoadFlags } from '../options/load-options.js';
import { visible } from '../output/safe-text.js';
import { printMessage } from '../output/terminal.js';
import { explainRefusal } from '../untrusted-refusal.js';

interface UpdateFlags extends LoadFlags {
  readonly output?: string;
  readonly inplace?: boolean;
  readonly force?: boolean;
  readonly compression: 'stored' | 'deflate';
}

/** Loads `input` and writes it to `output` in the current protocol; the output appears whole or not at all. */
async function rewrite(
  input: string,
  output: string,
  flags: UpdateFlags,
  context: CommandContext,
): Promise<void> {
  let value: unknown;
  try {
    value = await loadFromSource(await openInput(input, context.terminal), loadOptionsOf(flags));
  } catch (err) {
    throw explainRefusal(err, input, 'Nothing was written.');
  }
  await writeOutput(value, output, flags);
}

async function updateFile(
  input: string,
  flags: UpdateFlags,
  context: CommandContext,
): Promise<void> {
  const protocol = await schemaProtocol(
    await openInput(input, context.terminal, { progress: false }),
    resolveLimits(flags.limit),
  );
  const shownInput = visible(input);
  if (protocol === CURRENT_PROTOCOL && !flags.force) {
    printMessage(
      context.terminal,
      `${shownInput} already uses the current protocol ${CURRENT_PROTOCOL}; it was left unchanged (pass --force to rewrite it anyway).`,
    );
    return;
  }
  if (protocol > CURRENT_PROTOCOL) {
    throw new SkopsError(
      'UNSUPPORTED_PROTOCOL',
      `uses protocol ${protocol}, newer than protocol ${CURRENT_PROTOCOL} that this version reads and writes; update @skops-ts/cli.`,
    );
  }
  const output = flags.inplace ? input : flags.output;
  if (output === undefined) {
    throw new CliFailure(
      EXIT.USAGE,
      'USAGE',
      `uses protocol ${protocol} and can be rewritten in protocol ${CURRENT_PROTOCOL}: pass -o OUT or --inplace.`,
    );
  }
  await rewrite(input, output, flags, context);
  printMessage(
    context.terminal,
    `${shownInput} (protocol ${protocol}) was written to ${visible(output)} in protocol ${CURRENT_PROTOCOL}.`,
  );
}

/** `skops update IN`: Python's update (rewrite an older-protocol file in the current protocol), plus --force. */
export function registerUpdate(program: Command, context: CommandContext): void {
  const command = program
    .command('update')
    .summary('rewrite a skops file in the current protocol')
    .description(
      `Rewrite a skops file written in an older protocol in the current one (${CURRENT_PROTOCOL}). A file already in the current protocol is left alone unless --force is given ` +
        '(to recompress or normalise it). The file is loaded first, so types that are not trusted by default must be passed with --trusted. ' +
        'The output is written to a temporary file and renamed, so a failure never leaves a half-written file.',
    )
    .argument('<IN>', 'the skops file to update')
    .addOption(new Option('-o, --output <OUT>', 'write the updated file here').conflicts('inplace'))
    .addOption(new Option('--inplace', 'replace IN with the updated file'))
    .addOption(new Option('--force', 'rewrite a file that already uses the current protocol'))
    .addOption(
      new Option('--compression <METHOD>', 'zip compression of the members')
        .choices(['stored', 'deflate'])
        .default('stored'),
    );
  addLoadOptions(command);
  withExitCodesHelp(command).action(async (input: string, flags: UpdateFlags, self: Command) => {
    try {
      await updateFile(input, flags, context);
    } catch (err) {
      reportError(context, self, err, input);
    }
  });
}
