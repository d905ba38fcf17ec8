import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { normaliseSchema, openFile } from '../../conformance/test/schema-tree.js';
import { firstDifference } from '../../conformance/test/fixtures.js';
import { cases, ensureBuilt, pythonEnvFlag, skops, trustedFlags } from './helpers/cli.js';

beforeAll(ensureBuilt);

describe('skops update --force on the current corpus', () => {
  for (const c of cases('skops')) {
    it(`${c.name}: the rewritten file has the original schema, members and description`, async () => {
      const out = join(mkdtempSync(join(tmpdir(), 'skops-force-')), 'out.skops');
      const flags = [
        '--python-env',
        pythonEnvFlag(c.sidecar),
        ...trustedFlags(c.sidecar.untrusted_types ?? []),
      ];
      const update = await skops(['update', c.file, '--force', '-o', out, ...flags]);
      expect(update.code, update.stderr).toBe(0);
      const shown = await skops(['inspect', out, '--describe', ...flags]);
      expect(shown.code, shown.stderr).toBe(0);
      expect(firstDifference(JSON.parse(shown.stdout), c.sidecar.describe) ?? 'equal').toBe(
        'equal',
      );
      const [a, b] = await Promise.all([
        openFile(readFileSync(c.file)),
        openFile(readFileSync(out)),
      ]);
      const [na, nb] = [normaliseSchema(a.schema), normaliseSchema(b.schema)];
      expect(firstDifference(nb.tree, na.tree) ?? 'equal').toBe('equal');
      for (const [i, name] of na.members.entries()) {
        if (!name.endsWith('.npy')) continue;
        expect(
          Buffer.compare(await b.member(nb.members[i] as string), await a.member(name)),
          name,
        ).toBe(0);
      }
    });
  }
});
