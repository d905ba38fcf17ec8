import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { registerAudit } from './audit.js';
import { registerConvert } from './convert.js';
import { registerInspect } from './inspect.js';
import { registerScan } from './scan.js';
import { registerUpdate } from './update.js';

/** Adds a command, with its options and action, to the program. */
export type RegisterCommand = (program: Command, context: CommandContext) => void;

/** The commands, in the order `skops --help` lists them; each is one module here. */
export const COMMANDS: readonly RegisterCommand[] = [
  registerAudit,
  registerInspect,
  registerUpdate,
  registerConvert,
  registerScan,
];
