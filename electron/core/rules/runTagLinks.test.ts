import { describe, expect, it } from 'vitest';
import { useRuleActionFixture } from '../testing/ruleActionFixture';
import { RunTagLinks } from './runTagLinks';

const fx = useRuleActionFixture();
const db = () => fx.core.context.db;

/** The conversation of a message that just arrived, tagged `billing` by a person beforehand. */
function taggedConversation(): number {
  const messageSeq = fx.arrives({ text: 'Remboursement ?' });
  const conversationSeq = db().prepare<[number], number>('SELECT conversation_seq FROM messages WHERE seq = ?').pluck().get(messageSeq) ?? 0;
  const tagSeq = Number(db().prepare("INSERT INTO tags (id, name, created_at) VALUES ('t-billing', 'billing', 0)").run().lastInsertRowid);
  db().prepare('INSERT INTO conversation_tags (conversation_seq, tag_seq, created_at) VALUES (?, ?, 0)').run(conversationSeq, tagSeq);
  return conversationSeq;
}

const stored = (conversationSeq: number) =>
  db().prepare<[number], string>('SELECT t.name FROM conversation_tags ct JOIN tags t ON t.seq = ct.tag_seq WHERE ct.conversation_seq = ? ORDER BY t.name').pluck().all(conversationSeq);

describe("a run's tag links", () => {
  it('answer from what is stored and what the run changed, written or not', () => {
    const conversation = taggedConversation();
    const links = new RunTagLinks(db(), 0);
    db().transaction(() => {
      expect(links.has(conversation, 'billing')).toBe(true);
      expect(links.has(conversation, 'vip')).toBe(false);
      links.add(conversation, 'vip');
      expect(links.has(conversation, 'vip')).toBe(true);
      // Not written yet: the run still knows it.
      expect(stored(conversation)).toEqual(['billing']);
      links.remove(conversation, 'billing');
      expect(links.has(conversation, 'billing')).toBe(false);
      expect(stored(conversation)).toEqual(['vip']);
      links.add(conversation, 'billing');
      links.flush();
      expect(links.has(conversation, 'billing')).toBe(true);
      expect(stored(conversation)).toEqual(['billing', 'vip']);
    })();
  });

  it('asked about more conversations than it keeps, writes what it added and reads it back', () => {
    const conversation = taggedConversation();
    const links = new RunTagLinks(db(), 0);
    db().transaction(() => {
      links.add(conversation, 'vip');
      // Conversations that do not exist hold no tags: asking is enough to fill what the run keeps.
      for (let other = 1; other <= 20_001; other += 1) expect(links.has(conversation + other, 'vip')).toBe(false);
      expect(stored(conversation)).toEqual(['billing', 'vip']);
      expect(links.has(conversation, 'vip')).toBe(true);
      expect(links.has(conversation, 'billing')).toBe(true);
    })();
  });
});
