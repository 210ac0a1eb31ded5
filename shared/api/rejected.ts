import { z } from 'zod';
import type { Platform } from '../domain/platform';
import { method } from './method';

/** An item the app could not read, kept in quarantine so a person can see what it was. */
export type RejectedItem = {
  id: string;
  /** Null for an item whose account was removed since. */
  account: { id: string; name: string; platform: Platform } | null;
  /** Where the batch came from ("poll:facebook", "demo:…"). */
  source: string;
  /** What was wrong with it, naming the field. */
  reason: string;
  rejectedAt: number;
  /** Size in bytes of the whole payload as the platform sent it. */
  payloadSize: number;
  payloadSha256: string;
  /** Its first bytes (at most 4 KB) as text, to show as plain text, never as markup. */
  payloadHead: string;
  /** Only the head was kept. */
  isTruncated: boolean;
};

export const rejectedContract = {
  /** The quarantine, newest first; one account's items when `accountId` is given. */
  'rejected.list': method<RejectedItem[]>()(
    z.strictObject({ accountId: z.string().min(1).max(64).optional(), limit: z.number().int().min(1).max(500).default(200) }),
  ),
};
