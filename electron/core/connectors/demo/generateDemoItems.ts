import type { IncomingItemInput } from '../../../../shared/domain/incomingItem';
import type { Platform } from '../../../../shared/domain/platform';
import type { DemoEntry, ItemTimes } from './demoStream';
import { DemoStream } from './demoStream';

export type DemoItemsOptions = {
  seed: number;
  platform: Platform;
  /** Index of the first item; item i is the same whatever range it is generated in. */
  startIndex: number;
  count: number;
  /** Creation time of item i: the caller decides the timeline (backlog, live rate, benchmark). */
  times: ItemTimes;
};

/** Items startIndex .. startIndex+count-1 of the demo stream of (seed, platform). Pure. */
export function generateDemoItems(options: DemoItemsOptions): IncomingItemInput[] {
  return generateDemoEntries(options).map((entry) => entry.item);
}

/** Same items, each with its category (question, spam, brandReply…). */
export function generateDemoEntries(options: DemoItemsOptions): DemoEntry[] {
  const { startIndex, count } = options;
  if (!Number.isSafeInteger(startIndex) || startIndex < 0) throw new Error(`Demo startIndex must be a non-negative integer, got ${startIndex}`);
  if (!Number.isSafeInteger(count) || count < 0) throw new Error(`Demo count must be a non-negative integer, got ${count}`);
  const stream = new DemoStream(options.seed, options.platform, options.times);
  const entries: DemoEntry[] = new Array<DemoEntry>(count);
  for (let k = 0; k < count; k++) entries[k] = stream.entryAt(startIndex + k);
  return entries;
}
