import {
  LimitExceededError,
  makeJsonObject,
  SkopsError,
  type JsonParseOptions,
  type JsonValue,
} from '@skops-ts/core';

type Frame =
  | { kind: 'array'; items: JsonValue[] }
  | {
      kind: 'object';
      entries: (readonly [string, JsonValue])[];
      keys: Set<string>;
      key: string | undefined;
    };

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/**
 * The first, plain version of core's JSON parser (a Frame per container, one
 * closure per step, a regular expression per number), kept unchanged as the
 * oracle the optimised parser is compared with.
 */
export function referenceParseJson(text: string, options: JsonParseOptions = {}): JsonValue {
  const maxDepth = options.maxDepth ?? Infinity;
  const stack: Frame[] = [];
  let pos = 0;
  let result: JsonValue | undefined;
  let done = false;

  const fail = (message: string): never => {
    throw new SkopsError('INVALID_JSON', `${message} at offset ${pos} of the JSON text.`);
  };
  const skipWs = () => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
      else return;
    }
  };

  const emit = (value: JsonValue) => {
    const top = stack[stack.length - 1];
    if (!top) {
      result = value;
      done = true;
    } else if (top.kind === 'array') {
      top.items.push(value);
    } else {
      top.entries.push([top.key as string, value]);
      top.key = undefined;
    }
  };

  const readString = (): string => {
    pos++;
    let out = '';
    let start = pos;
    for (;;) {
      if (pos >= text.length) fail('Unterminated string');
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        out += text.slice(start, pos);
        pos++;
        return out;
      }
      if (c < 0x20) fail('Control character in string');
      if (c === 0x5c) {
        out += text.slice(start, pos);
        const e = text[pos + 1];
        switch (e) {
          case '"':
            out += '"';
            break;
          case '\\':
            out += '\\';
            break;
          case '/':
            out += '/';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            const hex = text.slice(pos + 2, pos + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Invalid \\u escape');
            out += String.fromCharCode(parseInt(hex, 16));
            pos += 4;
            break;
          }
          default:
            fail('Invalid escape');
        }
        pos += 2;
        start = pos;
        continue;
      }
      pos++;
    }
  };

  const readScalar = (): JsonValue => {
    const c = text[pos];
    if (c === '"') return readString();
    if (text.startsWith('true', pos)) {
      pos += 4;
      return true;
    }
    if (text.startsWith('false', pos)) {
      pos += 5;
      return false;
    }
    if (text.startsWith('null', pos)) {
      pos += 4;
      return null;
    }
    if (options.allowNonFinite) {
      for (const token of ['NaN', 'Infinity', '-Infinity']) {
        if (text.startsWith(token, pos)) {
          pos += token.length;
          return { kind: 'number', text: token };
        }
      }
    }
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(text);
    if (!m) return fail('Unexpected character');
    pos += m[0].length;
    return { kind: 'number', text: m[0] };
  };

  skipWs();
  while (!done) {
    skipWs();
    const top = stack[stack.length - 1];
    if (top?.kind === 'object' && top.key === undefined) {
      if (text[pos] === '}') {
        pos++;
        stack.pop();
        emit(makeJsonObject(top.entries));
        continue;
      }
      if (top.entries.length > 0) {
        if (text[pos] !== ',') fail("Expected ',' or '}'");
        pos++;
        skipWs();
      }
      if (text[pos] !== '"') fail('Expected a string key');
      const key = readString();
      if (top.keys.has(key)) {
        if (options.rejectDuplicateKeys) {
          throw new SkopsError(
            'INVALID_JSON',
            `Duplicate key "${key}" in a JSON object: a file could show one value to an audit and another to the loader, so it is refused.`,
          );
        }
      }
      top.keys.add(key);
      skipWs();
      if (text[pos] !== ':') fail("Expected ':'");
      pos++;
      top.key = key;
      continue;
    }
    if (top?.kind === 'array' && text[pos] === ']') {
      pos++;
      stack.pop();
      emit(top.items);
      continue;
    }
    if (top?.kind === 'array' && top.items.length > 0) {
      if (text[pos] !== ',') fail("Expected ',' or ']'");
      pos++;
      skipWs();
    }
    const c = text[pos];
    if (c === '{' || c === '[') {
      if (stack.length + 1 > maxDepth) {
        throw new LimitExceededError('maxDepth', stack.length + 1, maxDepth, 'JSON nesting');
      }
      pos++;
      stack.push(
        c === '{'
          ? { kind: 'object', entries: [], keys: new Set(), key: undefined }
          : { kind: 'array', items: [] },
      );
      continue;
    }
    emit(readScalar());
  }
  skipWs();
  if (pos !== text.length) fail('Unexpected data after the JSON value');
  return result as JsonValue;
}
