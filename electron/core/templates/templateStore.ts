import type { Template } from '../../../shared/api/templates';
import type { Platform } from '../../../shared/domain/platform';
import type { TemplateInput, TemplateVariant } from '../../../shared/templates/templateSchema';
import { newId } from '../ids';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

type TemplateRow = {
  seq: number;
  id: string;
  name: string;
  shortcut: string;
  folder: string;
  tags: string;
  usage_count: number;
  last_used_at: number | null;
  created_at: number;
  updated_at: number;
};
type VariantRow = { template_seq: number; language: string; platform: string; body: string };

const COLUMNS = 'seq, id, name, shortcut, folder, tags, usage_count, last_used_at, created_at, updated_at';

// The variants table stores '' for a language's general version (see migration 10).
const toVariant = (row: VariantRow): TemplateVariant => ({ language: row.language, platform: row.platform === '' ? null : (row.platform as Platform), body: row.body });

const toTemplate = (row: TemplateRow, variants: TemplateVariant[]): Template => ({
  id: row.id,
  name: row.name,
  shortcut: row.shortcut,
  folder: row.folder,
  tags: JSON.parse(row.tags) as string[],
  variants,
  usageCount: row.usage_count,
  lastUsedAt: row.last_used_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

function withVariants(db: Db, rows: TemplateRow[]): Template[] {
  const variants = new Map<number, TemplateVariant[]>();
  const all = cachedStatement<[], VariantRow>(db, 'SELECT template_seq, language, platform, body FROM template_variants ORDER BY template_seq, position').all();
  for (const row of all) {
    const list = variants.get(row.template_seq);
    if (list) list.push(toVariant(row));
    else variants.set(row.template_seq, [toVariant(row)]);
  }
  return rows.map((row) => toTemplate(row, variants.get(row.seq) ?? []));
}

/** Every template, most used first: a workspace has dozens, not thousands. */
export function listTemplates(db: Db): Template[] {
  const rows = cachedStatement<[], TemplateRow>(db, `SELECT ${COLUMNS} FROM templates ORDER BY usage_count DESC, name COLLATE NOCASE`).all();
  return withVariants(db, rows);
}

export function findTemplate(db: Db, by: { id: string } | { shortcut: string }): Template | null {
  const [column, value] = 'id' in by ? ['id', by.id] : ['shortcut', by.shortcut];
  const row = cachedStatement<[string], TemplateRow>(db, `SELECT ${COLUMNS} FROM templates WHERE ${column} = ?`).get(value);
  if (!row) return null;
  const variants = cachedStatement<[number], VariantRow>(db, 'SELECT template_seq, language, platform, body FROM template_variants WHERE template_seq = ? ORDER BY position').all(row.seq);
  return toTemplate(row, variants.map(toVariant));
}

function writeVariants(db: Db, templateSeq: number, variants: readonly TemplateVariant[]): void {
  cachedStatement(db, 'DELETE FROM template_variants WHERE template_seq = ?').run(templateSeq);
  const insert = cachedStatement(db, 'INSERT INTO template_variants (template_seq, language, platform, body, position) VALUES (?, ?, ?, ?, ?)');
  variants.forEach((variant, position) => insert.run(templateSeq, variant.language, variant.platform ?? '', variant.body, position));
}

/** Inserts a new template, or replaces the one with `id` (its usage stays). Returns its id. */
export function writeTemplate(db: Db, input: TemplateInput, now: number, id?: string): string {
  return db.transaction(() => {
    const tags = JSON.stringify(input.tags);
    let seq: number | undefined;
    if (id === undefined) {
      id = newId();
      seq = Number(
        cachedStatement(db, 'INSERT INTO templates (id, name, shortcut, folder, tags, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(id, input.name, input.shortcut, input.folder, tags, now, now).lastInsertRowid,
      );
    } else {
      seq = cachedStatement<[string, string, string, string, number, string], { seq: number }>(
        db,
        'UPDATE templates SET name = ?, shortcut = ?, folder = ?, tags = ?, updated_at = ? WHERE id = ? RETURNING seq',
      ).get(input.name, input.shortcut, input.folder, tags, now, id)?.seq;
    }
    if (seq === undefined) throw new Error(`Template ${id} was not written.`);
    writeVariants(db, seq, input.variants);
    return id;
  })();
}

export function removeTemplate(db: Db, id: string): boolean {
  return cachedStatement(db, 'DELETE FROM templates WHERE id = ?').run(id).changes > 0;
}

export function markTemplateUsed(db: Db, id: string, now: number): boolean {
  return cachedStatement(db, 'UPDATE templates SET usage_count = usage_count + 1, last_used_at = ? WHERE id = ?').run(now, id).changes > 0;
}

export type TemplateSettingsRow = { defaultLanguage: string; isDemoSeeded: boolean };

export function templateSettings(db: Db): TemplateSettingsRow {
  const row = cachedStatement<[], { default_language: string; demo_seeded: number }>(db, 'SELECT default_language, demo_seeded FROM template_settings WHERE id = 1').get();
  return { defaultLanguage: row?.default_language ?? 'fr', isDemoSeeded: row?.demo_seeded === 1 };
}

export function setTemplateSettings(db: Db, settings: Partial<TemplateSettingsRow>): void {
  const current = templateSettings(db);
  cachedStatement(db, 'UPDATE template_settings SET default_language = ?, demo_seeded = ? WHERE id = 1').run(
    settings.defaultLanguage ?? current.defaultLanguage,
    (settings.isDemoSeeded ?? current.isDemoSeeded) ? 1 : 0,
  );
}
