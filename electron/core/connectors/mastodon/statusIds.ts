/**
 * Whether notification id `a` is newer than `b`. Mastodon's ids are decimal integers too large for
 * a double (compare them as such); other servers' ids (snac's are decimal, others are not) fall
 * back to text order, which only matters when they ignore `min_id`.
 */
export function isNewerId(a: string, b: string): boolean {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return BigInt(a) > BigInt(b);
  return a > b;
}
