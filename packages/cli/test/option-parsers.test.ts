import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import {
  collectLimit,
  collectTrusted,
  parsePythonEnvOption,
} from '../src/options/option-parsers.js';
import { PROGRESS_MIN_BYTES, wantsProgress } from '../src/output/progress.js';
import { terminalSafeJson, visible } from '../src/output/safe-text.js';

describe('option parsers', () => {
  it('collects --limit NAME=N with k, m, g and t suffixes in powers of 1024', () => {
    expect(collectLimit('maxMemberBytes=16g', collectLimit('maxDepth=10'))).toEqual({
      maxDepth: 10,
      maxMemberBytes: 16 * 1024 ** 3,
    });
    expect(collectLimit('maxSchemaBytes=2K')).toEqual({ maxSchemaBytes: 2048 });
  });

  it('refuses unknown limits, zero and malformed values', () => {
    for (const bad of [
      'maxFoo=1',
      'maxDepth=0',
      'maxDepth=-1',
      'maxDepth',
      'maxDepth=1.5',
      '__proto__=1',
      'constructor=1',
    ]) {
      expect(() => collectLimit(bad)).toThrow(InvalidArgumentError);
    }
  });

  it('collects --trusted names in order and refuses empty or comma-joined ones', () => {
    expect(collectTrusted('b.B', collectTrusted('a.A'))).toEqual(['a.A', 'b.B']);
    for (const bad of ['', ' ', 'a.A,b.B'])
      expect(() => collectTrusted(bad)).toThrow(InvalidArgumentError);
  });

  it('reads --python-env and turns a bad one into a usage error', () => {
    expect(parsePythonEnvOption('sklearn=1.2.1,numpy=1.24.2')).toEqual({
      sklearn: '1.2.1',
      numpy: '1.24.2',
    });
    expect(() => parsePythonEnvOption('torch=2')).toThrow(InvalidArgumentError);
  });
});

describe('terminal safety', () => {
  it('shows control and bidirectional-override characters from a file as \\u escapes', () => {
    expect(visible('os.\u001b[2Jsystem\u202e\u009b')).toBe('os.\\u001b[2Jsystem\\u202e\\u009b');
    expect(visible('sklearn.linear_model._base.LinearRegression')).toBe(
      'sklearn.linear_model._base.LinearRegression',
    );
  });

  it('escapes the same characters in JSON output, which still parses to the original text', () => {
    const text = 'a\u009bb\u202ec\u2028';
    const json = terminalSafeJson(JSON.stringify({ t: text }));
    expect(json).not.toMatch(/[\u009b\u202e\u2028]/);
    expect((JSON.parse(json) as { t: string }).t).toBe(text);
  });

  it('shows a progress bar only on a terminal and for files above 50 MB', () => {
    expect(wantsProgress({ isTTY: true, write: () => true }, PROGRESS_MIN_BYTES + 1)).toBe(true);
    expect(wantsProgress({ isTTY: true, write: () => true }, PROGRESS_MIN_BYTES)).toBe(false);
    expect(wantsProgress({ isTTY: false, write: () => true }, PROGRESS_MIN_BYTES * 10)).toBe(false);
    expect(wantsProgress({ write: () => true }, PROGRESS_MIN_BYTES * 10)).toBe(false);
  });
});
