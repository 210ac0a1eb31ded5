import type { IncomingItemInput } from '../../../shared/domain/incomingItem';
import type { Platform } from '../../../shared/domain/platform';
import { ensureAccount } from '../store/accounts';
import type { Db } from '../store/database';

export const T0 = Date.UTC(2026, 10, 2, 14, 0);

/** A valid comment item; tests override what they are about. */
export function commentItem(overrides: Partial<IncomingItemInput> & { n: number; thread?: string }): IncomingItemInput {
  const { n, thread, ...rest } = overrides;
  return {
    platform: 'facebook',
    kind: 'comment',
    direction: 'in',
    externalId: `msg-${n}`,
    threadExternalId: thread ?? `thread-${n}`,
    author: { externalId: `author-${n % 7}`, handle: `@fan${n % 7}`, name: `Fan ${n % 7}` },
    text: `Message number ${n}`,
    createdAt: T0 + n * 60_000,
    post: { externalId: 'post-1', text: 'Notre nouveau café est arrivé!' },
    ...rest,
  };
}

export function addAccount(db: Db, platform: Platform = 'facebook', externalId = 'page-1'): string {
  return ensureAccount(db, { platform, externalId, name: 'Brûlerie Test', handle: '@brulerie', isDemo: false }, T0).id;
}
