import { PyByteArray, PyDict, PySet, PyTuple, SkopsError } from '@skops-ts/core';
import { zlibSync, gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  ExtensionRef,
  GlobalRef,
  OPCODE_NAMES,
  PersistentRef,
  PickleCall,
  readJoblib,
  readPickle,
} from '@skops-ts/pickle';
import { le, pickle } from './bytes.js';

describe('opcode semantics (as CPython unpickles them)', () => {
  it('names all 68 opcodes of protocols 0 to 5', () => {
    expect(OPCODE_NAMES.size).toBe(68);
  });

  it('reads protocol 0 text opcodes: I01 is True, LONG with L, FLOAT, escaped STRING, raw-unicode-escape UNICODE', () => {
    const bytes = pickle(
      "(I01\nI-12\nL123456789012345678901234567890L\nF-1.5e3\nS'a\\x41\\n\\101'\nV\\u20ac\\\\x\nt.",
    );
    const root = readPickle(bytes).root as PyTuple;
    expect(root.items).toEqual([
      true,
      -12n,
      123456789012345678901234567890n,
      -1500,
      'aA\nA',
      '€\\\\x',
    ]);
  });

  it('reads LONG1 as a signed little-endian integer and BINFLOAT as a big-endian double', () => {
    const root = readPickle(
      pickle(0x80, 2, 0x8a, 2, 0x00, 0x80, 0x47, [0x3f, 0xf8, 0, 0, 0, 0, 0, 0], 0x86, 0x2e),
    ).root as PyTuple;
    expect(root.items).toEqual([-32768n, 1.5]);
  });

  it('applies fix_imports only below protocol 3, recording both spellings', () => {
    const p2 = readPickle(pickle(0x80, 2, 'c__builtin__\nlong\n', 0x2e)).root as GlobalRef;
    expect([p2.fullName, p2.py3FullName]).toEqual(['__builtin__.long', 'builtins.int']);
    const p0 = readPickle(pickle('ccopy_reg\n_reconstructor\n.')).root as GlobalRef;
    expect(p0.py3FullName).toBe('copyreg._reconstructor');
    const p3 = readPickle(pickle(0x80, 3, 'c__builtin__\nlong\n', 0x2e)).root as GlobalRef;
    expect(p3.py3FullName).toBe('__builtin__.long');
  });

  it('keeps identity through the memo: BUILD after a BINGET mutates the one object', () => {
    // cls = GLOBAL m.C; obj = REDUCE(cls, ()); BINPUT 1; [obj, obj] with BUILD({'a': 1}) applied to the first
    const bytes = pickle(
      0x80,
      2,
      0x5d,
      0x71,
      0,
      'cm\nC\n',
      0x29,
      0x52,
      0x71,
      1,
      0x7d,
      0x8c,
      1,
      'a',
      0x4b,
      1,
      0x73,
      0x62,
      0x61,
      0x68,
      0,
      0x68,
      1,
      0x61,
      0x2e,
    );
    const root = readPickle(bytes).root as unknown[];
    expect(root[0]).toBe(root[1]);
    const obj = root[0] as PickleCall;
    expect(PickleCall.is(obj) && obj.calls('m.C')).toBe(true);
    expect((obj.state as PyDict).get('a')).toBe(1n);
  });

  it('records NEWOBJ_EX arguments and keyword arguments, and SETITEMS on a dict subclass', () => {
    const bytes = pickle(
      0x80,
      4,
      0x8c,
      1,
      'm',
      0x8c,
      1,
      'D',
      0x93,
      0x4b,
      7,
      0x85,
      0x7d,
      0x8c,
      1,
      'k',
      0x88,
      0x73,
      0x92,
      0x28,
      0x4b,
      1,
      0x4b,
      2,
      0x75,
      0x2e,
    );
    const call = readPickle(bytes).root as PickleCall;
    expect(call.kind).toBe('NEWOBJ_EX');
    expect(call.args.items).toEqual([7n]);
    expect(call.kwargs?.get('k')).toBe(true);
    expect(call.dictItems.get(1n)).toBe(2n);
  });

  it('builds sets and frozensets without duplicates, with True == 1', () => {
    const bytes = pickle(
      0x80,
      4,
      0x8f,
      0x28,
      0x4b,
      1,
      0x88,
      0x4b,
      2,
      0x90,
      0x28,
      0x4b,
      3,
      0x4b,
      3,
      0x91,
      0x86,
      0x2e,
    );
    const [set, frozen] = (readPickle(bytes).root as PyTuple).items as [PySet, PySet];
    expect([set.kind, set.items]).toEqual(['set', [1n, 2n]]);
    expect([frozen.kind, frozen.items]).toEqual(['frozenset', [3n]]);
  });

  it('makes READONLY_BUFFER of a bytearray a bytes view and refuses out-of-band buffers', () => {
    const ro = readPickle(pickle(0x80, 5, 0x96, le(2, 8), 'hi', 0x98, 0x2e)).root;
    expect(ro).toBeInstanceOf(Uint8Array);
    const rw = readPickle(pickle(0x80, 5, 0x96, le(2, 8), 'hi', 0x2e)).root;
    expect(PyByteArray.is(rw)).toBe(true);
    expect(() => readPickle(pickle(0x80, 5, 0x97, 0x2e))).toThrowError(/out-of-band buffers/);
  });

  it('pops an empty MARK with POP, as the C unpickler does', () => {
    expect(readPickle(pickle(0x4e, 0x28, 0x30, 0x2e)).root).toBeNull();
  });

  it('refuses persistent ids and extension codes by default and records them on request', () => {
    const persid = pickle('Pabc\n.');
    const ext = pickle(0x80, 2, 0x82, 5, 0x2e);
    for (const bytes of [persid, ext]) {
      let caught: unknown;
      try {
        readPickle(bytes);
      } catch (e) {
        caught = e;
      }
      expect((caught as SkopsError).code).toBe('UNSUPPORTED_VALUE');
    }
    const p = readPickle(persid, { persistentIds: 'record' }).root as PersistentRef;
    expect(PersistentRef.is(p) && p.pid).toBe('abc');
    const x = readPickle(ext, { extensions: 'record' }).root as ExtensionRef;
    expect(ExtensionRef.is(x) && x.code).toBe(5);
  });

  it('decodes Python 2 strings as ASCII by default, latin-1 or bytes on request', () => {
    const bytes = pickle(0x55, 2, [0x41, 0xe9], 0x2e);
    expect(() => readPickle(bytes)).toThrowError(/non-ASCII/);
    expect(readPickle(bytes, { encoding: 'latin1' }).root).toBe('Aé');
    expect(readPickle(bytes, { encoding: 'bytes' }).root).toEqual(new Uint8Array([0x41, 0xe9]));
  });

  it('refuses a BUILD on something the stream did not create, and an unhashable dict key', () => {
    expect(() => readPickle(pickle(0x5d, 0x7d, 0x62, 0x2e))).toThrowError(/BUILD target/);
    expect(() => readPickle(pickle(0x7d, 0x5d, 0x4e, 0x73, 0x2e))).toThrowError(/unhashable/);
  });

  it('keeps dict keys such as __proto__ as data', () => {
    const d = readPickle(pickle(0x7d, 0x8c, 9, '__proto__', 0x4b, 1, 0x73, 0x2e)).root as PyDict;
    expect(d.get('__proto__')).toBe(1n);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('joblib compression', () => {
  const plain = pickle(0x80, 4, 0x8c, 2, 'ok', 0x2e);

  it('reads zlib and gzip wrapped streams by magic bytes', () => {
    expect(readJoblib(zlibSync(plain)).root).toBe('ok');
    expect(readJoblib(gzipSync(plain)).compression).toBe('gzip');
  });

  it('stops a zlib bomb at the decompressed-size budget', () => {
    const bomb = zlibSync(new Uint8Array(64 * 1024 * 1024));
    let caught: unknown;
    try {
      readJoblib(bomb, { limits: { maxMemberBytes: 1024 * 1024 } });
    } catch (e) {
      caught = e;
    }
    expect((caught as SkopsError).code).toBe('LIMIT_EXCEEDED');
  });

  it('refuses lz4 and bz2 streams with a clear message', () => {
    expect(() => readJoblib(new Uint8Array([0x04, 0x22, 0x4d, 0x18, 0]))).toThrowError(/lz4/);
    expect(() => readJoblib(new Uint8Array([0x42, 0x5a, 0x68, 0x39]))).toThrowError(/bz2/);
  });
});
