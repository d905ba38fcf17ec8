import { describe, expect, it } from 'vitest';
import { readMembers } from '../src/api/read-members.js';
import type { ArchiveReader } from '../src/archive/types.js';

/** An archive whose reads settle after the given delays; names listed in `failing` reject. */
function slowArchive(delays: Record<string, number>, failing: string[] = []) {
  const started: string[] = [];
  const archive = {
    entries: [],
    has: () => true,
    entry: () => undefined,
    close: async () => undefined,
    read: (name: string) => {
      started.push(name);
      return new Promise<Uint8Array>((resolve, reject) =>
        setTimeout(
          () =>
            failing.includes(name)
              ? reject(new Error(`cannot read ${name}`))
              : resolve(new TextEncoder().encode(name)),
          delays[name] ?? 0,
        ),
      );
    },
  } satisfies ArchiveReader;
  return { archive, started };
}

describe('reading the members a tree needs', () => {
  it('returns every member, whatever order the reads finish in', async () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const { archive, started } = slowArchive({ a: 30, b: 5, c: 20, d: 1, e: 10, f: 0 });
    const members = await readMembers(archive, names);
    expect([...members.keys()].sort()).toEqual(names);
    expect(new TextDecoder().decode(members.get('c'))).toBe('c');
    expect(started).toEqual(names);
  });

  it('throws the error of the earliest failing member, as reading one by one would', async () => {
    const { archive } = slowArchive({ a: 0, b: 40, c: 0, d: 0 }, ['b', 'd']);
    await expect(readMembers(archive, ['a', 'b', 'c', 'd', 'e'])).rejects.toThrow('cannot read b');
  });

  it('starts no further reads after a failure', async () => {
    const { archive, started } = slowArchive({}, ['a']);
    await expect(readMembers(archive, ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'])).rejects.toThrow(
      'cannot read a',
    );
    expect(started.length).toBeLessThan(8);
  });
});
