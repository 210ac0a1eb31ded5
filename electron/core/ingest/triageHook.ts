import type { IncomingItem } from '../../../shared/domain/incomingItem';
import type { Db } from '../store/database';

/** A message that ingest has just stored, as triage rules will see it. */
export type IngestedMessage = {
  seq: number;
  conversationId: string;
  conversationSeq: number;
  item: IncomingItem;
  /** The batch created the conversation: nothing has tagged it yet (rules need not look). */
  startedConversation?: boolean;
};

/**
 * Where triage rules run: inside the batch's transaction, after the batch's messages are
 * stored and before it commits, so a rule's effects land atomically with the messages.
 * Returns the conversations it changed (they join the batch's change event).
 */
export type TriageHook = (db: Db, messages: readonly IngestedMessage[]) => readonly string[];

export const noTriage: TriageHook = () => [];
