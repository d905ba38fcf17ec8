import { PyDict, PyFunction, PyObject, getUntrustedTypes, dumps } from '@skops-ts/core';
import { describe, expect, it } from 'vitest';
import { convertPickle, PickleRefusedError, type PickleRecogniser } from '@skops-ts/pickle';
import { pickle } from '../../../pickle/test/bytes.js';
import { PLUGINS, RECOGNISERS } from './convert-support.js';

const convert = (
  bytes: Uint8Array,
  recognisers: readonly PickleRecogniser[] = RECOGNISERS,
): unknown => convertPickle(bytes, { recognisers });

function refusal(bytes: Uint8Array): PickleRefusedError {
  try {
    convert(bytes);
  } catch (error) {
    if (error instanceof PickleRefusedError) return error;
    throw error;
  }
  throw new Error('the pickle converted');
}

describe('the conversion engine', () => {
  it('refuses a called global nobody claims and says where it sits', () => {
    // {'steps': [('a', os.system('echo'))]} in protocol 0
    const error = refusal(
      pickle("(dp0\nS'steps'\np1\n(lp2\n(S'a'\ncos\nsystem\n(S'echo'\ntRtp3\nas."),
    );
    expect(error.code).toBe('UNSUPPORTED_VALUE');
    expect(error.refusals).toEqual([
      { global: 'os.system', path: "root['steps'][0][1]", how: 'called' },
    ]);
    expect(error.message).toContain("os.system called at root['steps'][0][1]");
  });

  it('names every refused call, including those that compute a callable', () => {
    // getattr(__import__('os'), 'system')('echo') in protocol 0
    const error = refusal(
      pickle(
        "c__builtin__\ngetattr\n(c__builtin__\n__import__\n(S'os'\ntRS'system'\ntR(S'echo'\ntR.",
      ),
    );
    expect(error.globals).toEqual([
      '<result of builtins.getattr(...)>',
      'builtins.__import__',
      'builtins.getattr',
    ]);
  });

  it('keeps a referenced function as a reference that the audit reports', async () => {
    const value = convert(pickle("(dp0\nS'func'\ncos\nsystem\ns."));
    expect(PyDict.is(value) && PyFunction.is(value.get('func'))).toBe(true);
    const audit = await getUntrustedTypes(await dumps(value, { plugins: PLUGINS }), {
      plugins: PLUGINS,
    });
    expect(audit).toEqual(['os.system']);
  });

  it('creates objects through copyreg._reconstructor without running their class', () => {
    const value = convert(
      pickle(
        "ccopy_reg\n_reconstructor\n(c__main__\nThing\nc__builtin__\nobject\nNtR(dS'a'\nI1\nsb.",
      ),
    );
    expect(PyObject.is(value)).toBe(true);
    const obj = value as PyObject;
    expect([obj.module, obj.name]).toEqual(['__main__', 'Thing']);
    expect(PyDict.is(obj.state) && obj.state.get('a')).toBe(1n);
  });

  it('refuses copyreg._reconstructor over a base whose constructor would run', () => {
    expect(() =>
      convert(pickle('ccopy_reg\n_reconstructor\n(c__main__\nThing\nc__builtin__\ndict\n(dtR.')),
    ).toThrow(/only object is supported/);
  });

  it('refuses NEWOBJ with arguments for a class no recogniser knows', () => {
    const error = refusal(pickle(0x80, 2, 'c__main__\nT\n', 'K', 1, 0x85, 0x81, '.'));
    expect(error.globals).toEqual(['__main__.T']);
  });

  it('refuses a protocol 4 dotted name even when only referenced', () => {
    const error = refusal(pickle(0x80, 4, 0x8c, 6, 'joblib', 0x8c, 9, 'os.system', 0x93, '.'));
    expect(error.refusals).toEqual([
      { global: 'joblib.os.system', path: 'root', how: 'referenced' },
    ]);
  });

  it('refuses an object that contains itself with a CYCLE error', () => {
    expect(() => convert(pickle('(lp0\ng0\na.'))).toThrow(
      expect.objectContaining({ code: 'CYCLE' }),
    );
  });

  it('lets a recogniser listed first override a builtin one', () => {
    const mine: PickleRecogniser = {
      kind: 'call',
      globals: ['builtins.set'],
      convert: () => 'mine',
    };
    expect(convert(pickle(0x80, 2, 'c__builtin__\nset\n]', 0x85, 'R.'), [mine])).toBe('mine');
  });

  it('keeps shared objects shared', () => {
    const value = convert(pickle('(lp0\n(lp1\nag1\na.')) as unknown[];
    expect(value[0]).toBe(value[1]);
  });
});
