import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { registerAudit } from './audit.js';
import { registerInspect } from './inspect.js';
import { registerUpdate } from './update.js';

/** Adds a command, with its options and action, to the program. */
export type RegisterCommand = (program: Command, context: CommandContext) => void;

/**
 * The commands, in the order `skops --help` lists them. `convert` and `scan`
 * (pickle and joblib files) join this list with the pickle converter: each is
 * one module here exporting a {@link RegisterCommand}.
 */
export const COMMANDS: readonly RegisterCommand[] = [
  registerAudit,
  registerInspect,
  registerUpdate,
];
