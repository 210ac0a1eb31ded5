import { z } from 'zod';
import type { Db } from '../../store/database';
import { cachedStatement } from '../../store/statementCache';
import { applier, UnappliableChange, type Applier } from './applier';
import { ruleDefinitionValue, ruleValue, ruleVersionValue } from './changeValues';

const BUILT_IN = 'built-in:';

/** Built-in rules are named by what they are (each desktop made its own at install). */
function ruleSeq(db: Db, entityId: string): number | undefined {
  const builtIn = entityId.startsWith(BUILT_IN) ? entityId.slice(BUILT_IN.length) : null;
  return builtIn === null
    ? cachedStatement<[string], number>(db, 'SELECT seq AS rule_seq FROM rules WHERE id = ?').pluck().get(entityId)
    : cachedStatement<[string], number>(db, 'SELECT seq AS rule_seq FROM rules WHERE built_in = ?').pluck().get(builtIn);
}

function existingRule(db: Db, entityId: string): number {
  const seq = ruleSeq(db, entityId);
  if (seq === undefined) throw new UnappliableChange(`No rule ${entityId} here.`);
  return seq;
}

const createRule = applier('once', ruleValue, (context, id, value) => {
  if (ruleSeq(context.db, id) !== undefined) return;
  cachedStatement(
    context.db,
    `INSERT INTO rules (id, position, name, is_enabled, built_in, trigger_type, definition, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, value.position, value.name, value.isEnabled, value.builtIn, value.definition.triggerType, JSON.stringify(value.definition.definition), value.definition.version, value.createdAt, context.now);
  context.touchEverything();
});

function ruleField<V>(schema: z.ZodType<V>, write: (db: Db, seq: number, value: V, now: number) => void): Applier {
  return applier('field', schema, (context, id, value) => {
    write(context.db, existingRule(context.db, id), value, context.now);
    context.touchEverything();
  });
}

const setColumn = (column: string) => (db: Db, seq: number, value: string | number, now: number) =>
  cachedStatement(db, `UPDATE rules SET ${column} = ?, updated_at = ? WHERE seq = ?`).run(value, now, seq);

/** One saved version of a rule's history; the same version saved apart on two desktops: the later in server order. */
const saveVersion = applier('field', ruleVersionValue, (context, _key, value) => {
  cachedStatement(
    context.db,
    `INSERT INTO rule_versions (rule_seq, version, definition, saved_at) VALUES (?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET definition = excluded.definition, saved_at = excluded.saved_at`,
  ).run(existingRule(context.db, value.ruleId), value.version, JSON.stringify(value.definition), value.savedAt);
});

export const RULE_APPLIERS: Record<string, Record<string, Applier>> = {
  rule: {
    created: createRule,
    name: ruleField(z.string().min(1).max(200), setColumn('name')),
    position: ruleField(z.number().int(), setColumn('position')),
    isEnabled: ruleField(z.union([z.literal(0), z.literal(1)]), setColumn('is_enabled')),
    definition: ruleField(ruleDefinitionValue, (db, seq, value, now) => {
      cachedStatement(db, 'UPDATE rules SET trigger_type = ?, definition = ?, version = ?, updated_at = ? WHERE seq = ?').run(value.triggerType, JSON.stringify(value.definition), value.version, now, seq);
    }),
    deleted: applier('field', z.literal(true), (context, id) => {
      const seq = ruleSeq(context.db, id);
      if (seq !== undefined) cachedStatement(context.db, 'DELETE FROM rules WHERE seq = ?').run(seq);
      context.touchEverything();
    }),
  },
  ruleVersion: { saved: saveVersion },
};
