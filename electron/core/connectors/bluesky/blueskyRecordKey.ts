import { createHash } from 'node:crypto';

/** The base32-sortable alphabet of atproto TIDs. */
const S32 = '234567abcdefghijklmnopqrstuvwxyz';

/**
 * A record key in TID format (13 characters, top bit 0: what `app.bsky.feed.post` and
 * `app.bsky.graph.block`, whose lexicons say `key: "tid"`, accept) computed from a name, always
 * the same for the same name: a post sent twice with one outbox key lands on one record, and a
 * second create fails instead of posting again. Its time bits come from a hash, not a clock:
 * nothing orders posts by their record key (feeds use createdAt and indexedAt).
 */
export function recordKeyFor(name: string): string {
  let value = createHash('sha256').update(`pieuvre:${name}`).digest().readBigUInt64BE(0) & 0x7fff_ffff_ffff_ffffn;
  let key = '';
  for (let index = 0; index < 13; index += 1) {
    key = S32[Number(value & 31n)] + key;
    value >>= 5n;
  }
  return key;
}
