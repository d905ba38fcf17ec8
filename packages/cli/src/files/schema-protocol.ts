import {
  LimitExceededError,
  SkopsError,
  isJsonNumber,
  isJsonObject,
  openArchive,
  parseJson,
  type ByteSource,
  type Limits,
} from '@skops-ts/core';

/**
 * The `protocol` of a skops file's schema.json, read with the same checks as
 * loading (schema size limit, strict UTF-8, duplicate keys, depth). Closes
 * `source`. Whether the protocol is one we read is left to loading.
 */
export async function schemaProtocol(source: ByteSource, limits: Limits): Promise<number> {
  const archive = await openArchive(source, { limits });
  try {
    const entry = archive.entry('schema.json');
    if (!entry)
      throw new SkopsError(
        'INVALID_ARCHIVE',
        'This zip has no schema.json, so it is not a skops file.',
      );
    if (entry.uncompressedSize > limits.maxSchemaBytes) {
      throw new LimitExceededError(
        'maxSchemaBytes',
        entry.uncompressedSize,
        limits.maxSchemaBytes,
        'schema.json',
      );
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await archive.read('schema.json'));
    } catch (cause) {
      if (SkopsError.isInstance(cause)) throw cause;
      throw new SkopsError('INVALID_SCHEMA', 'schema.json is not valid UTF-8.', { cause });
    }
    const schema = parseJson(text, {
      rejectDuplicateKeys: true,
      maxDepth: limits.maxDepth * 4 + 8,
    });
    const protocol = isJsonObject(schema) ? schema.get('protocol') : undefined;
    if (protocol === undefined || !isJsonNumber(protocol) || !/^\d{1,9}$/.test(protocol.text)) {
      throw new SkopsError(
        'UNSUPPORTED_PROTOCOL',
        'schema.json has no whole-number "protocol"; it was not written by skops.',
        { path: '$.protocol' },
      );
    }
    return Number(protocol.text);
  } finally {
    await archive.close();
  }
}
