import { resolveLimits, untrustedTypesFromSource } from '@skops-ts/core';
import { auditOptionsOf, type LoadFlags } from '../options/load-options.js';
import { visible } from '../output/safe-text.js';
import type { Terminal } from '../output/terminal.js';
import { openInput } from './input-source.js';
import { schemaProtocol } from './schema-protocol.js';

/** What the audit of one file found. */
export interface AuditResult {
  readonly protocol: number;
  /** Every type not trusted by default, as Python's get_untrusted_types reports them. */
  readonly untrusted: readonly string[];
  /** Those not passed with --trusted. */
  readonly remaining: readonly string[];
}

/** Audits a skops file as `skops audit` does: only its directory and schema.json are read. */
export async function auditFile(
  file: string,
  flags: LoadFlags,
  terminal: Terminal,
): Promise<AuditResult> {
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

/** The text `skops audit` prints for one file. */
export function describeAudit(file: string, result: AuditResult): string {
  const { protocol, untrusted, remaining } = result;
  const head = `${visible(file)}: protocol ${protocol}, `;
  if (untrusted.length === 0) return `${head}no untrusted types`;
  const count = `${untrusted.length} untrusted type${untrusted.length === 1 ? '' : 's'}`;
  const passed = remaining.length === 0 ? ', all passed with --trusted' : '';
  const given = new Set(untrusted.filter((t) => !remaining.includes(t)));
  const lines = untrusted.map((t) => `  ${visible(t)}${given.has(t) ? '  (--trusted)' : ''}`);
  return [`${head}${count}${passed}:`, ...lines].join('\n');
}
