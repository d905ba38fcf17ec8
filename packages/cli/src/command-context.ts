import type { Command } from 'commander';
import { EXIT_CODES_HELP, type ExitCode } from './exit-codes.js';
import { errorLine, exitCodeOf, stackReport } from './output/error-report.js';
import { printMessage, type Terminal } from './output/terminal.js';

/** What a command needs from the run that invoked it. */
export interface CommandContext {
  readonly terminal: Terminal;
  /** Records the run's exit code; the most severe code wins (the codes grow with severity). */
  exitWith(code: ExitCode): void;
}

/** Whether `-v` was given, wherever it appeared on the command line. */
export function isVerbose(command: Command): boolean {
  return command.optsWithGlobals<{ verbose?: boolean }>().verbose === true;
}

/** Prints an error as one line (and its stack under `-v`) and records its exit code. */
export function reportError(
  context: CommandContext,
  command: Command,
  err: unknown,
  subject?: string,
): void {
  printMessage(context.terminal, errorLine(err, subject));
  if (isVerbose(command)) printMessage(context.terminal, stackReport(err));
  context.exitWith(exitCodeOf(err));
}

/** Adds the exit-code table to a command's `--help`. */
export function withExitCodesHelp(command: Command): Command {
  return command.addHelpText('after', EXIT_CODES_HELP);
}
