import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  loads,
  writeArchive,
  isJsonArray,
  isJsonNumber,
  isJsonObject,
  memorySource,
  openArchive,
  parseJson,
  SkopsError,
  type JsonParseOptions,
  type JsonValue,
} from '@skops-ts/core';
import { parseJsonUtf8 } from '../src/json/parse-utf8.js';
import { codeOf } from './helpers.js';
import { referenceParseJson } from './reference-json-parser.js';

const FIXTURES = process.env.SKOPS_FIXTURES ?? path.resolve(__dirname, '../../../fixtures');

/** Options as readSchema passes them, and the defaults. */
const SCHEMA_OPTIONS: JsonParseOptions = {
  rejectDuplicateKeys: true,
  allowNonFinite: true,
  maxDepth: 808,
};
const OPTION_SETS: readonly JsonParseOptions[] = [SCHEMA_OPTIONS, {}, { maxDepth: 3 }];

/**
 * A parsed value as plain data (objects as ordered entry lists, numbers as
 * their text), walked without recursion because hostile fixtures nest 100,000
 * deep. Checks on the way that every object's lookups agree with its entries.
 */
function canonical(root: JsonValue): string {
  const out: unknown[] = [];
  const stack: JsonValue[] = [root];
  while (stack.length > 0) {
    const value = stack.pop() as JsonValue;
    if (isJsonNumber(value)) out.push({ number: value.text });
    else if (isJsonArray(value)) {
      out.push({ array: value.length });
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i] as JsonValue);
    } else if (isJsonObject(value)) {
      const last = new Map(value.entries);
      for (const [key, v] of last) {
        if (!value.has(key) || value.get(key) !== v)
          throw new Error(`lookup of "${key}" disagrees`);
      }
      if (value.has('\u0000not a key')) throw new Error('has() finds an absent key');
      out.push({ object: value.entries.map(([k]) => k) });
      for (let i = value.entries.length - 1; i >= 0; i--) {
        stack.push((value.entries[i] as readonly [string, JsonValue])[1]);
      }
    } else out.push(value);
  }
  return JSON.stringify(out);
}

/** What parsing gives: the canonical value, or the error's code. */
function outcome(parse: () => JsonValue): string {
  let value: JsonValue;
  try {
    value = parse();
  } catch (err) {
    if (!SkopsError.isInstance(err)) throw err;
    return `error ${err.code}`;
  }
  return canonical(value);
}

/** `bytes` copied to `shift` bytes past a word boundary, so every alignment of the word scan is met. */
function shifted(bytes: Uint8Array, shift: number): Uint8Array {
  const buffer = new Uint8Array(bytes.length + 8);
  buffer.set(bytes, shift);
  return buffer.subarray(shift, shift + bytes.length);
}

/**
 * Both parsers agree with the reference parser: the text parser in value or
 * error, the UTF-8 parser (at every byte alignment) in value, giving up
 * exactly where the reference reports an error.
 */
function expectSameAsReference(text: string, options: JsonParseOptions): void {
  const expected = outcome(() => referenceParseJson(text, options));
  if (outcome(() => parseJson(text, options)) !== expected) {
    expect(outcome(() => parseJson(text, options))).toBe(expected);
  }
  const bytes = new TextEncoder().encode(text);
  for (let shift = 0; shift < 4; shift++) {
    const fast = parseJsonUtf8(shifted(bytes, shift), options);
    const got = fast === undefined ? 'gave up' : canonical(fast);
    const want = expected.startsWith('error ') ? 'gave up' : expected;
    if (got !== want) expect(`shift ${shift}: ${got}`).toBe(`shift ${shift}: ${want}`);
  }
}

function listSkops(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSkops(full));
    else if (entry.name.endsWith('.skops')) out.push(full);
  }
  return out.sort();
}

/** schema.json of a fixture as text, or undefined when the archive or its schema cannot be read. */
async function schemaText(file: string): Promise<string | undefined> {
  try {
    const archive = await openArchive(memorySource(new Uint8Array(fs.readFileSync(file))), {
      limits: DEFAULT_LIMITS,
    });
    try {
      if (!archive.has('schema.json')) return undefined;
      return new TextDecoder('utf-8', { fatal: true }).decode(await archive.read('schema.json'));
    } finally {
      await archive.close();
    }
  } catch {
    return undefined;
  }
}

/** A small seeded generator (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Characters that reach the most parser states when written into JSON text. */
const MUTATION_CHARS = [
  ...'{}[]":,\\ \n\t0123456789-+.eEuNaIfinytrulsx',
  '    ',
  '\u00e9',
  '\u0001',
];

function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * text.length);
  const char = MUTATION_CHARS[Math.floor(next() * MUTATION_CHARS.length)] as string;
  const kind = next();
  if (kind < 0.4) return text.slice(0, at) + char + text.slice(at + 1);
  if (kind < 0.7) return text.slice(0, at) + char + text.slice(at);
  if (kind < 0.9) return text.slice(0, at) + text.slice(at + 1);
  return text.slice(0, at);
}

describe('the optimised JSON parser', async () => {
  const files = listSkops(FIXTURES);
  const schemas: [string, string][] = [];
  for (const file of files) {
    const text = await schemaText(file);
    if (text !== undefined) schemas.push([path.relative(FIXTURES, file), text]);
  }

  it('finds the fixture schemas to compare on', () => {
    expect(schemas.length).toBeGreaterThan(400);
  });

  it('reads every fixture schema exactly as the reference parser does', () => {
    for (const [name, text] of schemas) {
      // The hostile multi-megabyte schemas once, the others with every option set.
      for (const options of text.length > 1_000_000 ? [SCHEMA_OPTIONS] : OPTION_SETS) {
        try {
          expectSameAsReference(text, options);
        } catch (err) {
          throw new Error(`${name} with ${JSON.stringify(options)}: ${String(err)}`);
        }
      }
    }
  });

  it('accepts and refuses mutated fixture schemas exactly as the reference parser does', () => {
    const next = random(20261204);
    for (const [name, text] of schemas.filter(([, t]) => t.length <= 65536)) {
      for (let i = 0; i < 12; i++) {
        const mutated = mutate(text, next);
        try {
          expectSameAsReference(mutated, SCHEMA_OPTIONS);
        } catch (err) {
          throw new Error(`${name}, mutation ${i}: ${String(err)}`);
        }
      }
    }
  });
});

describe('the optimised JSON parser on crafted text', () => {
  const schemaBytes = (prefix: number[], body: string, suffix: number[] = []) =>
    writeArchive(
      [
        {
          name: 'schema.json',
          data: new Uint8Array([...prefix, ...new TextEncoder().encode(body), ...suffix]),
        },
      ],
      { compression: 'stored' },
    );
  const intNode = (content: string) =>
    `{"__class__": "int", "__module__": "builtins", "__loader__": "JsonNode", "content": ${content}, "is_json": true, "__id__": 1, "protocol": 2, "_skops_version": "0.15.dev0"}`;

  it('reads a schema.json that starts with a byte-order mark, as Python does', async () => {
    expect(parseJsonUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toBeUndefined();
    expect(await loads(schemaBytes([0xef, 0xbb, 0xbf], intNode('"7"')))).toBe(7n);
  });

  it('refuses malformed UTF-8 inside a schema string as not UTF-8', async () => {
    const file = schemaBytes([], intNode('"7'), [0xc3, 0x28, 0x22]);
    expect(await codeOf(loads(file))).toBe('INVALID_SCHEMA');
    await expect(loads(file)).rejects.toThrow(/not valid UTF-8/);
  });

  it('keeps a byte-order mark inside a string, and strings beyond ASCII', () => {
    // Raw characters, not escapes: a decoder that dropped a leading BOM per string would lose them.
    const text = '{"a": "\ufeffx", "\u00e9": "\u00e9\\n", "b": ["\ufeff"]}';
    const bytes = new TextEncoder().encode(text);
    const fast = parseJsonUtf8(bytes);
    expect(fast && canonical(fast)).toBe(canonical(referenceParseJson(text)));
  });

  it("skips Python's indent=2 whitespace of deep nesting at every alignment", () => {
    let text = '"leaf"';
    for (let depth = 40; depth > 0; depth--) {
      const pad = ' '.repeat(2 * depth);
      const inner = pad + '  ';
      text =
        depth % 2
          ? `{\n${inner}"__id__": ${depth},\n${inner}"content": ${text},\n${inner}"n": -1.5e+3\n${pad}}`
          : `[\n${inner}${text},\n${inner}NaN,\n${inner}"    spaces inside    "\n${pad}]`;
    }
    expectSameAsReference(text, SCHEMA_OPTIONS);
    expectSameAsReference(`  \r\n\t ${text} \n  `, SCHEMA_OPTIONS);
  });

  it('reads text beyond ASCII through the character path with the same result', () => {
    const text = '{\n    "caf\u00e9": "\u00e9t\u00e9    \ud83c\udf89",\n    "k": [1,    2]\n}';
    expectSameAsReference(text, SCHEMA_OPTIONS);
  });

  it('finds duplicate keys in large objects, before and after they get a key set', () => {
    const keys = Array.from({ length: 40 }, (_, i) => `"k${i}": ${i}`);
    expectSameAsReference(`{${keys.join(', ')}}`, SCHEMA_OPTIONS);
    for (const [first, second] of [
      [3, 10],
      [3, 30],
      [20, 35],
    ] as const) {
      const text = `{${[...keys.slice(0, second), `"k${first}": 0`, ...keys.slice(second)].join(', ')}}`;
      expect(() => parseJson(text, SCHEMA_OPTIONS)).toThrow(
        new RegExp(`Duplicate key "k${first}"`),
      );
      expectSameAsReference(text, {});
    }
  });

  it('looks keys up in large objects as in small ones, the last duplicate winning', () => {
    const keys = Array.from({ length: 30 }, (_, i) => `"k${i}": ${i}`);
    const v = parseJson(`{${keys.join(', ')}, "k7": "last", "__proto__": 1}`);
    expect(isJsonObject(v) && v.get('k7')).toBe('last');
    expect(isJsonObject(v) && v.has('__proto__')).toBe(true);
    expect(isJsonObject(v) && v.has('constructor')).toBe(false);
    expect(isJsonObject(v) && v.get('toString')).toBeUndefined();
  });

  it('shows a parsed object to JSON.stringify with its kind and entries, as error messages quote it', () => {
    const text = '{"a": [1, {"b": null}]}';
    expect(JSON.stringify(parseJson(text))).toBe(JSON.stringify(referenceParseJson(text)));
    expect(JSON.stringify(parseJson(text))).toBe(
      '{"kind":"object","entries":[["a",[{"kind":"number","text":"1"},{"kind":"object","entries":[["b",null]]}]]]}',
    );
  });

  it('reads numbers exactly where the number grammar ends, as the reference does', () => {
    for (const text of [
      '[-]',
      '[1.]',
      '[1.e5]',
      '[1e]',
      '[1e+]',
      '[-01]',
      '[0.5E-7]',
      '[-0]',
      '[2.]',
    ]) {
      expectSameAsReference(text, SCHEMA_OPTIONS);
    }
  });
});
