import { CommanderError } from 'commander';
import type { CommandContext } from './command-context.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { errorLine, exitCodeOf, stackReport } from './output/error-report.js';
import { printMessage, type Terminal } from './output/terminal.js';
import { createProgram } from './program.js';

/** Runs the skops program on `argv` (without node and script) and returns the exit code. */
export async function run(argv: readonly string[], terminal: Terminal): Promise<ExitCode> {
  let exitCode: ExitCode = EXIT.OK;
  const context: CommandContext = {
    terminal,
    exitWith(code) {
      if (code > exitCode) exitCode = code;
    },
  };
  const program = createProgram(context);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    // Commander has already printed its own message (or the help / version).
    if (err instanceof CommanderError) return exitCodeOf(err);
    printMessage(terminal, errorLine(err));
    if (program.opts<{ verbose?: boolean }>().verbose === true)
      printMessage(terminal, stackReport(err));
    return exitCodeOf(err);
  }
}
