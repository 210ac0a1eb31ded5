import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

// 42 bits of milliseconds (to year 2109) + 11 bits of tie-break = 53 bits: keys stay exact
// as JavaScript numbers, so no BigInt on the hot path.
const TIE_BITS = 11;
const TIE_SPAN = 2 ** TIE_BITS;

/**
 * Hands out message keys for one batch: creation time in the high bits, a tie-break in the
 * low bits. Keys therefore sort by creation time, which lets search walk newest-first in key
 * order. A time newer than every stored key needs no look-up (the usual case: new messages);
 * otherwise the next free tie-break for that millisecond is looked up once, then counted in
 * memory. A full millisecond spills into the next one: keys stay unique, order off by 1 ms.
 */
export function createMessageKeyAllocator(db: Db): (createdAt: number) => number {
  const maxInRange = cachedStatement<[number, number], { seq: number | null }>(db, 'SELECT max(seq) AS seq FROM messages WHERE seq BETWEEN ? AND ?');
  const newest = maxInRange.get(0, Number.MAX_SAFE_INTEGER)?.seq ?? -1;
  const next = new Map<number, number>();
  const allocate = (ms: number): number => {
    const base = ms * TIE_SPAN;
    let tie = next.get(ms);
    if (tie === undefined) {
      const seq = base > newest ? null : (maxInRange.get(base, base + TIE_SPAN - 1)?.seq ?? null);
      tie = seq === null ? 0 : seq - base + 1;
    }
    if (tie >= TIE_SPAN) return allocate(ms + 1);
    next.set(ms, tie + 1);
    return base + tie;
  };
  return allocate;
}

/** The creation time packed in a message key (to the millisecond, barring spills). */
export const keyTime = (seq: number): number => Math.floor(seq / TIE_SPAN);

/** The smallest key a message created at `ms` can have: messages in [from, to) are keys in [firstKeyAt(from), firstKeyAt(to)). */
export const firstKeyAt = (ms: number): number => ms * TIE_SPAN;
