import { randomFor } from './demoRandom';

/**
 * Items are laid out in blocks of 20 consecutive indexes, each cut at 3 random points into
 * 4 conversations: 5 messages on average, from 1 to 17. A block depends only on its number,
 * so any item finds its conversation without generating the ones before it.
 */
export const BLOCK_SIZE = 20;
export const THREADS_PER_BLOCK = 4;

const BLOCK_STREAM = 0x0b10;

export type ThreadSpan = {
  /** Global conversation number: block × 4 + its rank in the block. */
  thread: number;
  /** Index of its first item. */
  start: number;
  size: number;
};

/** The 4 conversations of one block, in index order. */
export function blockSpans(salt: number, block: number): ThreadSpan[] {
  const random = randomFor(salt, BLOCK_STREAM, block);
  const cuts: number[] = [];
  while (cuts.length < THREADS_PER_BLOCK - 1) {
    const cut = 1 + random.int(BLOCK_SIZE - 1);
    if (!cuts.includes(cut)) cuts.push(cut);
  }
  cuts.sort((a, b) => a - b);
  const bounds = [0, ...cuts, BLOCK_SIZE];
  const base = block * BLOCK_SIZE;
  return cuts.concat(BLOCK_SIZE).map((end, rank) => {
    const from = bounds[rank] ?? 0;
    return { thread: block * THREADS_PER_BLOCK + rank, start: base + from, size: end - from };
  });
}
