import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

const POOL_IDS = 4096;
const pool = Buffer.alloc(POOL_IDS * 16);
let offset = pool.length;

/** The last id's millisecond and counter: ids made in the same millisecond count up from it. */
const last = { msecs: Number.NEGATIVE_INFINITY, seq: 0 };

/**
 * UUIDv7: unique across desktops (ready for team sync) and time-ordered, so new rows append
 * to the end of their indexes. Within a millisecond, a counter (RFC 9562 §6.2, method 1, as
 * the uuid package keeps it when it draws its own random bytes): ids drawn with random bits
 * there landed in random places at the end of each index, the pages half-full after their
 * splits, and a batch of rule history lines measured a tenth slower to write. Random bytes come
 * from a pool: asking the OS for 16 bytes per id cost more than the row insert it was for.
 */
export function newId(): string {
  if (offset === pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const random = pool.subarray(offset, offset + 16);
  offset += 16;
  const now = Date.now();
  if (now > last.msecs) {
    last.msecs = now;
    // A random start, its top bit clear: room to count up within the millisecond.
    last.seq = random.readUInt32BE(6) & 0x7fffffff;
  } else {
    // The same millisecond, or a clock set back: count on from the last id.
    last.seq = (last.seq + 1) | 0;
    if (last.seq === 0) last.msecs += 1;
  }
  return v7({ random, msecs: last.msecs, seq: last.seq });
}
