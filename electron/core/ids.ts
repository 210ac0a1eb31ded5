import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

const POOL_IDS = 4096;
const pool = Buffer.alloc(POOL_IDS * 16);
let offset = pool.length;

/**
 * UUIDv7: unique across desktops (ready for team sync) and time-ordered, so new rows append
 * to the end of their indexes. Random bytes come from a pool: asking the OS for 16 bytes per
 * id cost more than the row insert it was for.
 */
export function newId(): string {
  if (offset === pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const random = pool.subarray(offset, offset + 16);
  offset += 16;
  return v7({ random });
}
