import type { IncomingItem } from '../../../shared/domain/incomingItem';
import type { Clock } from '../clock';
import { newId } from '../ids';
import type { IngestStatements } from './ingestStatements';
import { conversationKindOf } from './conversationKind';

export const SNIPPET_LENGTH = 160;

/**
 * The text as binding it would store it: a lone surrogate (a snippet cut inside an emoji) becomes
 * U+FFFD. Through JSON, SQLite would store it as three bytes that are not UTF-8.
 */
const wellFormed = (text: string): string => text.replace(/\p{Cs}/gu, '\uFFFD');

type ConversationState = {
  /** Row key: known for an existing conversation, assigned by `flush` for a new one. */
  seq: number | null;
  id: string;
  /** Null for a conversation this batch creates. */
  wasStatus: string | null;
  platform: string;
  kind: string;
  threadExternalId: string;
  postSeq: number | null;
  contactSeq: number;
  newInbound: number;
  newMessages: number;
  lastMessageAt: number;
  snippet: string;
  snippetHostility: number;
  lastInboundAt: number | null;
  inboundContactSeq: number | null;
};

/**
 * The conversations one batch touches. Counters are summed in memory and each conversation
 * is written once, before the batch's messages: a new one is inserted with its final
 * counters, an existing one updated once. Writing per message rewrote every conversation
 * index entry several times per batch.
 */
export class BatchConversations {
  private readonly byThread = new Map<string, ConversationState>();

  constructor(
    private readonly statements: IngestStatements,
    private readonly accountSeq: number,
    private readonly clock: Clock,
  ) {}

  /** Counts a new message into its conversation (found, or created by `flush`). */
  count(item: IncomingItem, contactSeq: number, postSeq: number | null, hostility: number): ConversationState {
    const state = this.byThread.get(item.threadExternalId) ?? this.open(item, contactSeq, postSeq);
    state.newMessages += 1;
    if (item.createdAt >= state.lastMessageAt) {
      state.lastMessageAt = item.createdAt;
      state.snippet = item.text.slice(0, SNIPPET_LENGTH);
      state.snippetHostility = hostility;
    }
    if (item.direction === 'in') {
      state.newInbound += 1;
      // The conversation's contact is the first person who wrote in, not the brand replying
      // (the SQL keeps an existing conversation's contact once it has one who wrote in).
      state.inboundContactSeq ??= contactSeq;
      state.lastInboundAt = Math.max(state.lastInboundAt ?? 0, item.createdAt);
    }
    return state;
  }

  /**
   * Writes the conversations; returns the ids of those changed and of those a new message
   * reopened. The new ones go in with one statement for the whole batch (half the CPU of a
   * statement a row, most of a first sync's conversations being new); existing ones are updated one by one.
   */
  flush(): { changed: string[]; reopened: string[] } {
    const changed: string[] = [];
    const reopened: string[] = [];
    const now = this.clock();
    const created: ConversationState[] = [];
    for (const state of this.byThread.values()) {
      if (state.seq === null) created.push(state);
      else this.statements.updateConversation.run({ ...state, accountSeq: this.accountSeq, now });
      changed.push(state.id);
      if (state.newInbound > 0 && (state.wasStatus === 'done' || state.wasStatus === 'snoozed')) reopened.push(state.id);
    }
    if (created.length > 0) this.insertAll(created, now);
    return { changed, reopened };
  }

  /** Inserts new conversations in one statement and gives each its row key. */
  private insertAll(created: readonly ConversationState[], now: number): void {
    const rows = created.map((state) => [
      state.id, state.platform, state.kind, wellFormed(state.threadExternalId), state.postSeq, state.inboundContactSeq ?? state.contactSeq,
      state.newInbound, state.newMessages, state.lastMessageAt, state.lastInboundAt, wellFormed(state.snippet), state.snippetHostility,
    ]);
    const seqs = new Map(this.statements.insertConversations.all(this.accountSeq, now, now, JSON.stringify(rows)).map((row) => [row.id, row.seq]));
    for (const state of created) state.seq = seqs.get(state.id) ?? null;
  }

  private open(item: IncomingItem, contactSeq: number, postSeq: number | null): ConversationState {
    const found = this.statements.findConversation.get(this.accountSeq, item.threadExternalId);
    const state: ConversationState = {
      seq: found?.seq ?? null,
      id: found?.id ?? newId(),
      wasStatus: found?.status ?? null,
      platform: item.platform,
      kind: conversationKindOf(item.kind),
      threadExternalId: item.threadExternalId,
      postSeq,
      contactSeq,
      newInbound: 0,
      newMessages: 0,
      lastMessageAt: 0,
      snippet: '',
      snippetHostility: 0,
      lastInboundAt: null,
      inboundContactSeq: null,
    };
    this.byThread.set(item.threadExternalId, state);
    return state;
  }
}
