import type { Db } from './database';

export type Migration = {
  /** 1-based, contiguous: migration N brings the schema from N-1 to N. */
  version: number;
  name: string;
  up: (db: Db) => void;
};

/**
 * Applies every migration the database has not seen, each in its own transaction with its
 * `user_version`, so a crash mid-way leaves the schema at a whole version.
 */
export function migrate(db: Db, migrations: readonly Migration[]): number {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration "${migration.name}" has version ${migration.version}; expected ${index + 1}.`);
    }
  });
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
