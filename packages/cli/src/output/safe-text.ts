// Type names, keys and labels come from the file: a crafted one could hold
// terminal escapes (ESC, C1 CSI) or bidirectional overrides that rewrite what
// the user sees. They are shown as \uXXXX instead.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// The same outside C0, which JSON.stringify already escapes.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `text` with control and bidirectional-override characters shown as `\uXXXX`. */
export function visible(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** JSON text that is safe on a terminal: the characters {@link visible} escapes are `\u` escapes, which JSON readers decode back. */
export function terminalSafeJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, escape);
}

/** `JSON.stringify` made {@link terminalSafeJson}. */
export function toJson(value: unknown, indent?: number): string {
  return terminalSafeJson(JSON.stringify(value, null, indent));
}
