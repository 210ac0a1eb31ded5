import type { IncomingItemInput } from '../../../shared/domain/incomingItem';
import type { Db } from '../store/database';
import { recordSender } from '../store/messageSender';

/**
 * The demo brand's made-up teammates. Its replies were written by someone: saying "You" would
 * have the person trying Pieuvre believe they wrote them. Names only, never people of the team
 * (the demo must not add anyone to assignment or on-call lists). Migration 18 gave the same two
 * names to the demo replies stored before it.
 */
export const DEMO_TEAMMATES = ['Camille Roy', 'Alex Tremblay'] as const;

/** One teammate per conversation, as a team would split the inbox: the same for every run of a seed. */
export function demoTeammateFor(threadExternalId: string): string {
  let sum = 0;
  for (const char of threadExternalId) sum += char.codePointAt(0) ?? 0;
  return DEMO_TEAMMATES[sum % DEMO_TEAMMATES.length] ?? DEMO_TEAMMATES[0];
}

/** Names the teammate behind each brand reply of a demo page, once ingest stored it. */
export function recordDemoSenders(db: Db, accountId: string, items: readonly IncomingItemInput[]): void {
  for (const item of items) {
    if (item.direction !== 'out') continue;
    recordSender(db, { accountId, externalId: item.externalId }, { kind: 'person', personSeq: null, name: demoTeammateFor(item.threadExternalId) });
  }
}
