import type { SavedView, TagSummary, ViewFilter } from '../../../shared/api/views';
import { viewFilterSchema } from '../../../shared/api/views';
import { newId } from '../ids';
import type { Db } from './database';

type SavedViewRow = { id: string; name: string; filter: string };

/** A stored filter that no longer parses (the contract changed) is shown as an empty filter, not dropped. */
const toSavedView = (row: SavedViewRow): SavedView => {
  const parsed = viewFilterSchema.safeParse(JSON.parse(row.filter));
  return { id: row.id, name: row.name, filter: parsed.success ? parsed.data : {} };
};

export function listSavedViews(db: Db): SavedView[] {
  return db.prepare<[], SavedViewRow>('SELECT id, name, filter FROM saved_views ORDER BY position, seq').all().map(toSavedView);
}

export function saveView(db: Db, view: { name: string; filter: ViewFilter }, now: number): SavedView {
  const id = newId();
  db.prepare(
    `INSERT INTO saved_views (id, name, filter, position, created_at)
     VALUES (?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM saved_views), ?)`,
  ).run(id, view.name, JSON.stringify(view.filter), now);
  return { id, name: view.name, filter: view.filter };
}

export function removeSavedView(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM saved_views WHERE id = ?').run(id).changes > 0;
}

export function listTags(db: Db): TagSummary[] {
  return db
    .prepare<[], { name: string; color: string; n: number }>(
      `SELECT t.name, t.color, count(ct.conversation_seq) AS n FROM tags t
       LEFT JOIN conversation_tags ct ON ct.tag_seq = t.seq GROUP BY t.seq ORDER BY t.name COLLATE NOCASE`,
    )
    .all()
    .map((row) => ({ name: row.name, color: row.color, conversationCount: row.n }));
}
