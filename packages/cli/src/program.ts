import { Command } from 'commander';
import packageJson from '../package.json';
import { withExitCodesHelp, type CommandContext } from './command-context.js';
import { COMMANDS } from './commands/index.js';

/** The version `--version` prints: this package's. */
export const VERSION: string = packageJson.version;

/**
 * The `skops` program. Its options (`-V, --version`, `-v, --verbose`) are
 * recognised anywhere on the command line, also after a command name.
 * Usage errors throw a CommanderError instead of exiting.
 */
export function createProgram(context: CommandContext): Command {
  const { stdout, stderr } = context.terminal;
  const program = new Command('skops')
    .description(
      'Audit, inspect and update skops model files (the secure persistence format of scikit-learn), and scan and convert pickle and joblib files to them, without executing anything from them.',
    )
    .version(VERSION, '-V, --version', 'print the version of skops-ts')
    .option('-v, --verbose', 'print the stack trace with an error')
    .helpOption('-h, --help', 'show help')
    .helpCommand(false)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => stdout.write(text),
      writeErr: (text) => stderr.write(text),
      outputError: (text, write) =>
        write(`skops: ${text.trim().replace(/\s*\n\s*/g, ' ')} [USAGE]\n`),
    });
  withExitCodesHelp(program);
  for (const register of COMMANDS) register(program, context);
  return program;
}
