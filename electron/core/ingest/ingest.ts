import type { z } from 'zod';
import { incomingItemSchema, messageUpdateSchema, type IncomingItem, type MessageUpdate } from '../../../shared/domain/incomingItem';
import type { Clock } from '../clock';
import { newId } from '../ids';
import { prepareActivityWriter } from '../store/activity';
import type { Db } from '../store/database';
import { BatchContacts } from './batchContacts';
import { BatchConversations } from './batchConversations';
import { prepareIngestStatements, type IngestStatements } from './ingestStatements';
import { createMessageKeyAllocator } from './messageKey';
import { describeIssues } from '../../../shared/api/describeIssues';
import { quarantinePayload, serialisePayload } from './rejection';
import { noTriage, type IngestedMessage, type TriageHook } from './triageHook';
import { lexiconHostilityScorer, type HostilityScorer } from '../hostility/hostilityScorer';
import { attachmentsColumn, prepareMessageUpdates } from './messageUpdates';

export type IngestBatch = {
  accountId: string;
  /** Normalised items from a connector; each is validated here. */
  items: readonly unknown[];
  /** Changes to stored messages (edits, deletions on the platform, hidden states); each is validated here. */
  updates?: readonly unknown[];
  /** Where the batch came from, kept with rejected items ("demo:x", "poll:facebook"...). */
  source: string;
};

export type IngestResult = {
  inserted: number;
  duplicates: number;
  rejected: number;
  /** Stored messages an update (or an item sent again with a newer edit) changed. */
  updated: number;
  /** Updates with nothing to change: the message was never stored, or the change is already recorded. */
  ignored: number;
  changedConversationIds: string[];
};

export type IngestOptions = {
  clock: Clock;
  triage?: TriageHook;
  /** Called once per batch that changed anything, after it committed. */
  onChanged?: (conversationIds: readonly string[]) => void;
  /** Called once per batch that stored new messages, after it committed: the notification gate listens. */
  onStored?: (messages: readonly IngestedMessage[]) => void;
  /** Scores messages from people for the hostile-content shield; the local lexicon scorer unless replaced. */
  scoreHostility?: HostilityScorer;
};

export class UnknownAccountError extends Error {
  override name = 'UnknownAccountError';
}

/**
 * The ingest pipeline: one transaction per batch (validate, upsert contacts, posts and
 * conversations, insert messages ignoring duplicates, index them for search, run triage, then
 * apply the updates to stored messages), then one change event. A bad item or update is
 * quarantined with its reason; the rest of the batch lands.
 */
export function createIngest(db: Db, options: IngestOptions): (batch: IngestBatch) => IngestResult {
  const statements = prepareIngestStatements(db);
  const recordActivity = prepareActivityWriter(db);
  const triage = options.triage ?? noTriage;
  const scoreHostility = options.scoreHostility ?? lexiconHostilityScorer;
  const applyUpdate = prepareMessageUpdates(db, scoreHostility, options.clock);
  const run = db.transaction((batch: IngestBatch): IngestResult & { stored: readonly IngestedMessage[] } => {
    const account = statements.account.get(batch.accountId);
    if (!account) throw new UnknownAccountError(`No account with id ${batch.accountId}.`);
    let rejected = 0;
    /** The payload once valid and from the account's platform; else quarantined with the reason, and null. */
    const accept = <T extends { platform: string }>(raw: unknown, parsed: z.ZodSafeParseResult<T>, what: 'item' | 'update'): T | null => {
      const screened = screen(parsed, account.platform, what);
      if ('data' in screened) return screened.data;
      statements.insertRejected.run({ id: newId(), accountId: batch.accountId, source: batch.source, ...quarantinePayload(serialisePayload(raw)), reason: screened.reason, now: options.clock() });
      rejected += 1;
      return null;
    };
    const writer = new BatchWriter(db, statements, account.seq, options.clock, scoreHostility);
    for (const raw of batch.items) {
      const item = accept(raw, incomingItemSchema.safeParse(raw), 'item');
      if (item) writer.write(item);
    }
    const { changed, reopened } = writer.finish();
    for (const conversationId of reopened) {
      recordActivity({ at: options.clock(), actor: 'ingest', action: 'conversation.reopened', subjectType: 'conversation', subjectId: conversationId });
    }
    const triaged = writer.ingested.length > 0 ? triage(db, writer.ingested) : [];
    // After the items: an update may be about a message this very batch brought.
    const updates = [...writer.edits, ...(batch.updates ?? []).flatMap((raw) => accept(raw, messageUpdateSchema.safeParse(raw), 'update') ?? [])];
    const updated = updates.flatMap((update) => applyUpdate(account.seq, update) ?? []);
    return {
      inserted: writer.ingested.length,
      duplicates: writer.duplicates,
      rejected,
      updated: updated.length,
      ignored: updates.length - updated.length,
      changedConversationIds: [...new Set([...changed, ...triaged, ...updated])],
      stored: writer.ingested,
    };
  });
  return (batch) => {
    const { stored, ...result } = run(batch);
    if (result.changedConversationIds.length > 0) options.onChanged?.(result.changedConversationIds);
    if (stored.length > 0) options.onStored?.(stored);
    return result;
  };
}

/** A parsed payload, or why it is refused: what failed validation, or a platform other than the account's. */
function screen<T extends { platform: string }>(parsed: z.ZodSafeParseResult<T>, platform: string, what: 'item' | 'update'): { data: T } | { reason: string } {
  if (!parsed.success) return { reason: describeIssues(parsed.error) };
  if (parsed.data.platform !== platform) return { reason: `platform: the ${what} is from ${parsed.data.platform} but the account is on ${platform}` };
  return { data: parsed.data };
}

/**
 * Writes one batch's valid items, parents first: duplicates are set aside, contacts and posts
 * upserted and conversations counted as items arrive; then each conversation is written once,
 * then the messages and, in one statement, their search entries.
 */
class BatchWriter {
  readonly ingested: IngestedMessage[] = [];
  /** Items sent again with a newer edit than the one stored: applied as edits once the batch's messages are in. */
  readonly edits: MessageUpdate[] = [];
  duplicates = 0;
  private readonly contacts: BatchContacts;
  private readonly conversations: BatchConversations;
  private readonly seen = new Set<string>();
  private readonly pending: { item: IncomingItem; conversation: ReturnType<BatchConversations['count']>; isNew: boolean; contactSeq: number; hostility: number }[] = [];

  constructor(
    private readonly db: Db,
    private readonly statements: IngestStatements,
    private readonly accountSeq: number,
    private readonly clock: Clock,
    private readonly scoreHostility: HostilityScorer,
  ) {
    this.contacts = new BatchContacts(statements, accountSeq, clock);
    this.conversations = new BatchConversations(statements, accountSeq, clock);
  }

  write(item: IncomingItem): void {
    if (this.seen.has(item.externalId)) {
      this.duplicates += 1;
      return;
    }
    const stored = this.statements.findStored.get(this.accountSeq, item.externalId);
    if (stored) {
      const { editedAt } = item;
      const isNewerEdit = editedAt !== null && (stored.edited_at === null || editedAt > stored.edited_at);
      if (isNewerEdit) this.edits.push({ change: 'edited', platform: item.platform, externalId: item.externalId, text: item.text, editedAt, attachments: item.attachments });
      else this.duplicates += 1;
      return;
    }
    this.seen.add(item.externalId);
    const contactSeq = this.contacts.contactFor(item);
    // The brand's own words are never shielded from the person who wrote them.
    const hostility = item.direction === 'in' ? this.scoreHostility(item.text) : 0;
    const conversation = this.conversations.count(item, contactSeq, this.contacts.postFor(item), hostility);
    // No row yet: `flush` creates it.
    this.pending.push({ item, conversation, isNew: conversation.seq === null, contactSeq, hostility });
  }

  finish(): { changed: string[]; reopened: string[] } {
    const written = this.conversations.flush();
    const allocateKey = createMessageKeyAllocator(this.db);
    const receivedAt = this.clock();
    for (const { item, conversation, isNew, contactSeq, hostility } of this.pending) {
      const seq = allocateKey(item.createdAt);
      const conversationSeq = conversation.seq ?? 0;
      this.statements.insertMessage.run(
        seq, conversationSeq, this.accountSeq, item.externalId, item.parentExternalId, item.direction, contactSeq,
        `${item.author.name} ${item.author.handle}`, item.text, item.createdAt, receivedAt, item.permalink, item.language, hostility,
        // Serialised only when there is something: most messages carry neither.
        item.ref === null ? null : JSON.stringify(item.ref), attachmentsColumn(item.attachments), item.editedAt,
        item.direction === 'out' ? 'platform' : null,
      );
      this.ingested.push({ seq, conversationId: conversation.id, conversationSeq, item, startedConversation: isNew });
    }
    if (this.ingested.length > 0) this.statements.indexMessages.run(JSON.stringify(this.ingested.map((message) => message.seq)));
    return written;
  }
}
