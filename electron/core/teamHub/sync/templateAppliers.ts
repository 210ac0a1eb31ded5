import { z } from 'zod';
import type { Db } from '../../store/database';
import { cachedStatement } from '../../store/statementCache';
import { applier, type Applier } from './applier';
import { templateValue, variantsValue } from './changeValues';
import { seqOf } from './localRows';

function replaceVariants(db: Db, templateSeq: number, variants: z.infer<typeof variantsValue>): void {
  cachedStatement(db, 'DELETE FROM template_variants WHERE template_seq = ?').run(templateSeq);
  const insert = cachedStatement(db, 'INSERT INTO template_variants (template_seq, language, platform, body, position) VALUES (?, ?, ?, ?, ?)');
  for (const variant of variants) insert.run(templateSeq, variant.language, variant.platform, variant.body, variant.position);
}

const createTemplate = applier('once', templateValue, (context, id, value) => {
  const { db } = context;
  const inserted = cachedStatement(
    db,
    'INSERT INTO templates (id, name, shortcut, folder, tags, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
  ).run(id, value.name, value.shortcut, value.folder, JSON.stringify(value.tags), value.createdAt, context.now);
  if (inserted.changes > 0) replaceVariants(db, Number(inserted.lastInsertRowid), value.variants);
  context.touchEverything();
});

function templateField<V>(schema: z.ZodType<V>, write: (db: Db, seq: number, value: V, now: number) => void): Applier {
  return applier('field', schema, (context, id, value) => {
    write(context.db, seqOf(context.db, 'templates', id, 'template'), value, context.now);
    context.touchEverything();
  });
}

const setColumn = (column: string) => (db: Db, seq: number, value: string, now: number) =>
  cachedStatement(db, `UPDATE templates SET ${column} = ?, updated_at = ? WHERE seq = ?`).run(value, now, seq);

export const TEMPLATE_APPLIERS: Record<string, Record<string, Applier>> = {
  template: {
    created: createTemplate,
    name: templateField(z.string().min(1).max(200), setColumn('name')),
    shortcut: templateField(z.string().min(1).max(100), setColumn('shortcut')),
    folder: templateField(z.string().max(200), setColumn('folder')),
    tags: templateField(z.array(z.string().max(100)), (db, seq, tags, now) => setColumn('tags')(db, seq, JSON.stringify(tags), now)),
    variants: templateField(variantsValue, replaceVariants),
    deleted: applier('field', z.literal(true), (context, id) => {
      cachedStatement(context.db, 'DELETE FROM templates WHERE id = ?').run(id);
      context.touchEverything();
    }),
  },
};
