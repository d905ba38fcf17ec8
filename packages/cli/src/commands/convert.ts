import { convertJoblib, detectCompression } from '@skops-ts/pickle';
import { lstat } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { reportError, withExitCodesHelp, type CommandContext } from '../command-context.js';
import { EXIT } from '../exit-codes.js';
import { CliFailure } from '../failure.js';
import { auditFile, describeAudit } from '../files/audit-file.js';
import { writeOutput } from '../files/write-output.js';
import { readInput } from '../files/input-source.js';
import { addLoadOptions, type LoadFlags } from '../options/load-options.js';
import { OFFICIAL_RECOGNISERS } from '../recognisers.js';
import { visible } from '../output/safe-text.js';
import { asFileFailure, systemErrorCode } from '../output/system-error.js';
import { printData, printMessage } from '../output/terminal.js';

interface ConvertFlags extends LoadFlags {
  readonly output: string;
  readonly force?: boolean;
  readonly compression: 'stored' | 'deflate';
}

async function refuseExisting(output: string): Promise<void> {
  try {
    await lstat(output);
  } catch (err) {
    if (systemErrorCode(err) === 'ENOENT') return;
    throw asFileFailure(err, EXIT.NOT_WRITTEN, (reason) => `cannot write ${output}: ${reason}`);
  }
  throw new CliFailure(
    EXIT.NOT_WRITTEN,
    'EEXIST',
    `${output} already exists; nothing was converted (pass --force to replace it).`,
  );
}

async function convertFile(
  input: string,
  flags: ConvertFlags,
  context: CommandContext,
): Promise<void> {
  const { output } = flags;
  if (!flags.force) await refuseExisting(output);
  const bytes = await readInput(input, context.terminal);
  // Converting reads the stream as inert data and refuses (PickleRefusedError) every call no recogniser knows.
  const value = convertJoblib(bytes, { recognisers: OFFICIAL_RECOGNISERS, limits: flags.limit });
  await writeOutput(value, output, flags);
  const compression = detectCompression(bytes);
  printMessage(
    context.terminal,
    `${visible(input)} (${compression === 'none' ? 'uncompressed' : compression}) was converted to ${visible(output)}.`,
  );
  const result = await auditFile(output, flags, context.terminal);
  printData(context.terminal, describeAudit(output, result));
  context.exitWith(result.remaining.length > 0 ? EXIT.UNTRUSTED : EXIT.OK);
}

/** `skops convert IN -o OUT`: a pickle or joblib file to a skops file, without executing the pickle. */
export function registerConvert(program: Command, context: CommandContext): void {
  const command = program
    .command('convert')
    .summary('convert a pickle or joblib file to a skops file without executing it')
    .description(
      'Convert a pickle or joblib file (compressed or not, recognised by its magic bytes) to a skops file. ' +
        'The pickle is never executed: its opcodes are read as data, and every object is rebuilt by a recogniser ' +
        'that knows the numpy, scipy, scikit-learn or xgboost form, or created without running its class. ' +
        'If the pickle calls anything no recogniser knows to be safe, the conversion is refused, naming each ' +
        'such global and where it sits, and nothing is written. Otherwise the output is written to a temporary ' +
        'file and renamed, and its untrusted types are printed as skops audit prints them (exit code 1 while ' +
        'some remain beyond --trusted: loading the file will need them trusted).',
    )
    .argument('<IN>', 'the pickle or joblib file to convert')
    .requiredOption('-o, --output <OUT>', 'write the skops file here')
    .addOption(new Option('--force', 'replace OUT if it exists'))
    .addOption(
      new Option('--compression <METHOD>', 'zip compression of the members')
        .choices(['stored', 'deflate'])
        .default('stored'),
    );
  addLoadOptions(command);
  withExitCodesHelp(command).action(async (input: string, flags: ConvertFlags, self: Command) => {
    try {
      await convertFile(input, flags, context);
    } catch (err) {
      reportError(context, self, err, input);
    }
  });
}
