import type { IncomingItemInput } from '../../../shared/domain/incomingItem';
import type { Db } from '../store/database';
import { recordSender } from '../store/messageSender';

/**
 * The demo brand's made-up teammates. Its replies were written by someone: saying "You" would
 * have the person trying Pieuvre believe they wrote them. Names only, never people of the team
 * (the demo must not add anyone to assignment or on-call lists). Migration 18 gave the same two
 * names to the demo replies stored before it.
 */
export const DEMO_TEAMMATES = ['Julie Gagnon', 'Alex Tremblay'] as const;

/**
 * A reply the demo's corpus signs "— Julie" is Julie's; the others go one teammate per
 * conversation, as a team splits an inbox, the same for every run of a seed.
 */
export function demoTeammateFor(item: Pick<IncomingItemInput, 'threadExternalId' | 'text'>): string {
  if (item.text.includes('— Julie')) return DEMO_TEAMMATES[0];
  let sum = 0;
  for (const char of item.threadExternalId) sum += char.codePointAt(0) ?? 0;
  return DEMO_TEAMMATES[sum % DEMO_TEAMMATES.length] ?? DEMO_TEAMMATES[0];
}

/** Names the teammate behind each brand reply of a demo page, once ingest stored it. */
export function recordDemoSenders(db: Db, accountId: string, items: readonly IncomingItemInput[]): void {
  for (const item of items) {
    if (item.direction !== 'out') continue;
    recordSender(db, { accountId, externalId: item.externalId }, { kind: 'person', personSeq: null, name: demoTeammateFor(item) });
  }
}
