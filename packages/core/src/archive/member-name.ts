import { invalidArchive, quoteName } from './archive-errors.js';
import { FLAG_UTF8 } from './zip-format.js';

// Stateless in one-shot mode, so one shared instance is safe.
const utf8 = /* @__PURE__ */ new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

/**
 * Decodes a member name. Names flagged UTF-8 must be valid UTF-8; unflagged
 * names with non-ASCII bytes are accepted only when they happen to be valid
 * UTF-8 (what most writers mean) rather than guessed as code page 437.
 */
export function decodeMemberName(raw: Uint8Array, flags: number): string {
  if (isAscii(raw)) {
    let s = '';
    for (let i = 0; i < raw.length; i++) s += String.fromCharCode(raw[i]!);
    return s;
  }
  try {
    return utf8.decode(raw);
  } catch (cause) {
    const how =
      flags & FLAG_UTF8
        ? 'is flagged UTF-8 but is not valid UTF-8'
        : 'is not UTF-8 (a legacy code page)';
    throw invalidArchive(
      `A member name ${how}. skops files use UTF-8 names: re-create the archive with a UTF-8-aware zip writer.`,
      cause,
    );
  }
}

/**
 * Refuses names that could address anything outside the archive if a tool
 * ever extracted it: absolute paths, drive letters, backslashes, `..`
 * segments, empty segments and control characters.
 */
export function checkMemberName(name: string): void {
  const refuse = (why: string): never => {
    throw invalidArchive(
      `The archive has a member named ${quoteName(name)}, which ${why}. The file is corrupt or crafted; do not use it.`,
    );
  };
  if (name.length === 0) refuse('is empty');
  if (name.includes('\\')) refuse('contains a backslash');
  if (name.startsWith('/')) refuse('is an absolute path');
  if (/^[A-Za-z]:/.test(name)) refuse('starts with a drive letter');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) refuse('contains a control character');
  const segments = name.split('/');
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment === '..') refuse('has a ".." path segment');
    // A trailing "/" marks a directory entry; any other empty segment is malformed.
    if (segment === '' && i !== segments.length - 1) refuse('has an empty path segment');
  }
}
