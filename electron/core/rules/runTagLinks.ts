import { newId } from '../ids';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

/**
 * The tags one rule run gives conversations and takes from them. Whether a conversation has a
 * tag is decided here, for the live run and the dry run alike, from its links read once a run
 * (the first time a rule asks about the conversation; never for one the ingest batch that set
 * the run off created, which has none) and what the run changed since: asked one
 * tag at a time, each tag rule's hit was a query of its own (about 3.5 µs, most of a tag
 * action's cost), several a message when its words match several topics. The links a live run
 * adds are written together, in key order, when the run ends or before anything reads a
 * conversation's tags (`flush`). Inserted one by one between the rules, a link measured 4 to 6
 * µs against 1.5 for the same insert alone: the tables' pages had left the processor's caches
 * in between. Nothing else writes a conversation's links while a run goes on (it is one
 * synchronous call inside one transaction).
 */
/** Conversations whose tags a run keeps in memory: more than an ingest batch brings, few enough for a dry run over months. */
const HELD_MAX = 20_000;

export class RunTagLinks {
  /** Tags' row keys by name, as this run has looked them up or created them (no action deletes a tag). */
  private readonly seqs = new Map<string, number>();
  /** The conversations' tags (row keys) as this run knows them: read once, then kept with the run's changes. */
  private readonly held = new Map<number, Set<number>>();
  private pending: { conversationSeq: number; tagSeq: number }[] = [];

  constructor(
    private readonly db: Db,
    private readonly at: number,
  ) {}

  /** Whether the conversation has the tag, counting what this run added and not yet wrote. */
  has(conversationSeq: number, tag: string): boolean {
    const tagSeq = this.seqOf(tag);
    return tagSeq !== undefined && this.tagsOf(conversationSeq).has(tagSeq);
  }

  /** A conversation known to have no tags stored (the ingest batch that set the run off created it): nothing to read. */
  untagged(conversationSeq: number): void {
    if (!this.held.has(conversationSeq)) this.held.set(conversationSeq, new Set());
  }

  /** Tags the conversation (the caller has asked `has`); the tag is created the first time a rule uses it. */
  add(conversationSeq: number, tag: string): void {
    const tagSeq = this.seqOf(tag) ?? this.create(tag);
    this.tagsOf(conversationSeq).add(tagSeq);
    this.pending.push({ conversationSeq, tagSeq });
  }

  /** Takes the tag off the conversation (the caller has asked `has`). */
  remove(conversationSeq: number, tag: string): void {
    const tagSeq = this.seqOf(tag);
    if (tagSeq === undefined) return;
    this.flush();
    this.tagsOf(conversationSeq).delete(tagSeq);
    cachedStatement(this.db, 'DELETE FROM conversation_tags WHERE conversation_seq = ? AND tag_seq = ?').run(conversationSeq, tagSeq);
  }

  /** Writes the links still waiting, in the table's key order. */
  flush(): void {
    if (this.pending.length === 0) return;
    const insert = cachedStatement<[number, number, number]>(this.db, 'INSERT INTO conversation_tags (conversation_seq, tag_seq, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
    for (const link of this.pending.sort((a, b) => a.conversationSeq - b.conversationSeq || a.tagSeq - b.tagSeq)) insert.run(link.conversationSeq, link.tagSeq, this.at);
    this.pending = [];
  }

  private tagsOf(conversationSeq: number): Set<number> {
    let tags = this.held.get(conversationSeq);
    if (tags === undefined) {
      // A dry run over months asks about a great many conversations: once written, what the run knows can be read again.
      if (this.held.size >= HELD_MAX) {
        this.flush();
        this.held.clear();
      }
      tags = new Set(cachedStatement<[number], number>(this.db, 'SELECT tag_seq FROM conversation_tags WHERE conversation_seq = ?').pluck().all(conversationSeq));
      this.held.set(conversationSeq, tags);
    }
    return tags;
  }

  private seqOf(tag: string): number | undefined {
    let seq = this.seqs.get(tag);
    if (seq === undefined) {
      seq = cachedStatement<[string], number>(this.db, 'SELECT seq FROM tags WHERE name = ?').pluck().get(tag);
      if (seq !== undefined) this.seqs.set(tag, seq);
    }
    return seq;
  }

  private create(tag: string): number {
    const seq = Number(cachedStatement(this.db, 'INSERT INTO tags (id, name, created_at) VALUES (?, ?, ?)').run(newId(), tag, this.at).lastInsertRowid);
    this.seqs.set(tag, seq);
    return seq;
  }
}
