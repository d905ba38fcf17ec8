import type { AuditOptions, Limits, LoadOptions, PythonEnv } from '@skops-ts/core';
import { Option, type Command } from 'commander';
import { OFFICIAL_PLUGINS } from '../plugins.js';
import { collectLimit, collectTrusted, parsePythonEnvOption } from './option-parsers.js';

/** The parsed values of the options {@link addLoadOptions} adds. */
export interface LoadFlags {
  readonly trusted: readonly string[];
  readonly pythonEnv?: PythonEnv;
  readonly limit: Partial<Limits>;
}

/** Adds `--trusted`, `--python-env` and `--limit`, shared by the commands that read skops files. */
export function addLoadOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--trusted <TYPE>',
        'trust this type on top of the defaults (repeatable); review it first with skops audit',
      )
        .argParser(collectTrusted)
        .default([], 'none'),
    )
    .addOption(
      new Option(
        '--python-env <VERSIONS>',
        'judge trust by these Python library versions, e.g. sklearn=1.2.1,numpy=1.24.2,scipy=1.10.1 (default: newest known)',
      ).argParser(parsePythonEnvOption),
    )
    .addOption(
      new Option(
        '--limit <NAME=N>',
        'raise or lower a resource limit, e.g. --limit maxMemberBytes=16g (repeatable)',
      )
        .argParser(collectLimit)
        .default({}, 'the defaults'),
    );
}

/** Core's audit options for the parsed flags, with every official plugin registered. */
export function auditOptionsOf(flags: LoadFlags): AuditOptions {
  return {
    plugins: OFFICIAL_PLUGINS,
    limits: flags.limit,
    ...(flags.pythonEnv ? { pythonEnv: flags.pythonEnv } : {}),
  };
}

/** Core's load options for the parsed flags: {@link auditOptionsOf} plus the `--trusted` types. */
export function loadOptionsOf(flags: LoadFlags): LoadOptions {
  return { ...auditOptionsOf(flags), trusted: [...flags.trusted] };
}
