import {
  SkopsError,
  isJsonNumber,
  openArchive,
  readSchema,
  type ByteSource,
  type Limits,
} from '@skops-ts/core';

/**
 * The `protocol` of a skops file's schema.json, read with core's checks
 * (schema size limit, strict UTF-8, duplicate keys, depth). Closes `source`.
 * Whether the protocol is one we read is left to loading, so `update` can
 * say a file comes from a newer skops.
 */
export async function schemaProtocol(source: ByteSource, limits: Limits): Promise<number> {
  const archive = await openArchive(source, { limits });
  try {
    const protocol = (await readSchema(archive, limits)).get('protocol');
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
