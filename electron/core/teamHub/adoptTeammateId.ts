import type { Db } from '../store/database';

/**
 * Joining as the teammate the owner invited: this desktop's person ("me") takes the id the
 * owner's desktop gave that teammate, so an assignment to them there is "Assigned to me" here.
 * Runs before the joiner's data is queued for the team, so its own rows go out under that id;
 * the invited row, when it arrives from the hub, is then already here.
 */
export function adoptTeammateId(db: Db, teammateId: string, name: string): void {
  db.transaction(() => {
    const me = db.prepare<[], { id: string; name: string }>('SELECT id, name FROM people WHERE is_me = 1').get();
    if (!me || me.id === teammateId) return;
    const already = db.prepare<[string], { seq: number }>('SELECT seq FROM people WHERE id = ?').get(teammateId);
    if (already) {
      // Synced here before (a second join): that row becomes me.
      db.prepare('UPDATE people SET is_me = 0 WHERE is_me = 1').run();
      db.prepare('UPDATE people SET is_me = 1 WHERE seq = ?').run(already.seq);
    } else {
      db.prepare('UPDATE people SET id = ? WHERE is_me = 1').run(teammateId);
      nameMeIfUnnamed(db, name);
    }
    db.prepare('UPDATE conversations SET assignee_id = ? WHERE assignee_id = ?').run(teammateId, me.id);
    db.prepare('UPDATE notes SET author_id = ? WHERE author_id = ?').run(teammateId, me.id);
  })();
}

/**
 * This desktop's person takes the name given to the workspace if it has none yet (a new inbox's
 * "me" is nameless): teammates' desktops refuse a nameless person, so without it they would not
 * know who wrote a note or handed a conversation off.
 */
export function nameMeIfUnnamed(db: Db, name: string): void {
  db.prepare("UPDATE people SET name = ? WHERE is_me = 1 AND trim(name) = ''").run(name);
}
