import { ApiFailure } from '../../../shared/api/result';
import type { DryRunResult, Rule, RuleVersion, StarterRule } from '../../../shared/api/rules';
import { RULES_FILE_FORMAT, type RuleDefinition, type RulesFile } from '../../../shared/rules/ruleSchema';
import { starterRules } from '../../../shared/rules/starterRules';
import { awayRepliesSetup } from '../awayReplies/awayReplySettings';
import type { CoreContext } from '../coreContext';
import { me } from '../duty/people';
import { prepareActivityWriter } from '../store/activity';
import { dryRun, type DryRunDeps, type DryRunOptions } from './dryRun';
import { countRules, deleteRule, findRule, insertRule, listRules, ruleVersions, saveDefinition, setRuleEnabled, writeOrder } from './ruleStore';

const RULE_NAME_MAX = 120;

/** A rule as it is written down: what an export holds and a version keeps. */
const definitionOf = ({ name, isEnabled, trigger, when, actions, stopProcessing }: Rule): RuleDefinition => ({ name, isEnabled, trigger, when, actions, stopProcessing });

/**
 * A copy's name, in no language (the core speaks none): "Spam (2)", or the next number free.
 * The editor may pass its own words instead.
 */
function copyName(original: string, taken: ReadonlySet<string>): string {
  const base = original.replace(/ \(\d+\)$/u, '');
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${base.slice(0, RULE_NAME_MAX - suffix.length)}${suffix}`;
    if (!taken.has(name)) return name;
  }
}

/**
 * Triage rules as people keep them: stored in order, versioned on every save, turned on and
 * off, moved, copied, exported and imported. Every change is on the record, by 'me'.
 */
export class RuleService {
  constructor(
    private readonly ctx: Pick<CoreContext, 'db' | 'clock'>,
    private readonly dryRunDeps: DryRunDeps,
  ) {}

  private readonly record = (action: string, rule: Pick<Rule, 'id' | 'name'>, data: Record<string, unknown> = {}): void =>
    prepareActivityWriter(this.ctx.db)({ at: this.ctx.clock(), actor: 'me', action, subjectType: 'rule', subjectId: rule.id, data: { name: rule.name, ...data } });

  private found(id: string): { seq: number; rule: Rule } {
    const found = findRule(this.ctx.db, id);
    if (!found) throw new ApiFailure('not_found', `There is no rule ${id}.`);
    return found;
  }

  list(): Rule[] {
    return listRules(this.ctx.db);
  }

  get(id: string): Rule {
    return this.found(id).rule;
  }

  versions(id: string): RuleVersion[] {
    return ruleVersions(this.ctx.db, this.found(id).seq);
  }

  /** Last in order unless `position` says where (past the end: last). */
  create(definition: RuleDefinition, position?: number): Rule {
    const { db } = this.ctx;
    return db.transaction(() => {
      const id = insertRule(db, definition, Math.min(position ?? Infinity, countRules(db)), this.ctx.clock());
      const rule = this.get(id);
      this.record('rule.created', rule, { version: 1 });
      return rule;
    })();
  }

  /** A new version; the error that turned the rule off, if any, is cleared. */
  update(id: string, definition: RuleDefinition): Rule {
    return this.ctx.db.transaction(() => {
      saveDefinition(this.ctx.db, this.found(id).seq, definition, this.ctx.clock());
      const rule = this.get(id);
      this.record('rule.updated', rule, { version: rule.version });
      return rule;
    })();
  }

  /** The built-in rules (crisis words, spam) are edited or turned off, never deleted. */
  delete(id: string): { isDeleted: boolean } {
    return this.ctx.db.transaction(() => {
      const found = findRule(this.ctx.db, id);
      if (!found) return { isDeleted: false };
      const { rule } = found;
      if (rule.builtIn) throw new ApiFailure('conflict', `“${rule.name}” is built in: it can be edited or turned off, not deleted.`);
      deleteRule(this.ctx.db, found.seq, rule.position, this.ctx.clock());
      this.record('rule.deleted', rule);
      return { isDeleted: true };
    })();
  }

  setEnabled(id: string, isEnabled: boolean): Rule {
    return this.ctx.db.transaction(() => {
      setRuleEnabled(this.ctx.db, this.found(id).seq, isEnabled, this.ctx.clock());
      const rule = this.get(id);
      this.record(isEnabled ? 'rule.enabled' : 'rule.disabled', rule);
      return rule;
    })();
  }

  /** `ids`: every rule once, in the new order; anything missing, repeated or unknown is named. */
  reorder(ids: readonly string[]): Rule[] {
    return this.ctx.db.transaction(() => {
      const rules = this.list();
      const known = new Set(rules.map((rule) => rule.id));
      const repeated = [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
      const unknown = ids.filter((id) => !known.has(id));
      const given = new Set(ids);
      const missing = rules.filter((rule) => !given.has(rule.id)).map((rule) => rule.id);
      const problems = [
        repeated.length > 0 ? `given more than once: ${repeated.join(', ')}` : '',
        unknown.length > 0 ? `no such rule: ${unknown.join(', ')}` : '',
        missing.length > 0 ? `missing: ${missing.join(', ')}` : '',
      ].filter(Boolean);
      if (problems.length > 0) throw new ApiFailure('invalid_input', `ids: every rule once, in the new order (${problems.join('; ')}).`);
      writeOrder(this.ctx.db, ids, this.ctx.clock());
      const reordered = this.list();
      prepareActivityWriter(this.ctx.db)({ at: this.ctx.clock(), actor: 'me', action: 'rules.reordered', subjectType: 'workspace', subjectId: 'rules', data: { ids } });
      return reordered;
    })();
  }

  /** A copy, turned off, right after the original: named `name`, else "Original (2)". */
  duplicate(id: string, name?: string): Rule {
    return this.ctx.db.transaction(() => {
      const { rule: original } = this.found(id);
      const taken = new Set(this.list().map((rule) => rule.name));
      const definition = { ...definitionOf(original), name: name ?? copyName(original.name, taken), isEnabled: false };
      const copy = this.get(insertRule(this.ctx.db, definition, original.position + 1, this.ctx.clock()));
      this.record('rule.duplicated', copy, { from: original.id });
      return copy;
    })();
  }

  /** The chosen rules (all of them by default) as a rules file, in order. */
  export(ids?: readonly string[]): RulesFile {
    const rules = ids ? ids.map((id) => this.get(id)) : this.list();
    return { format: RULES_FILE_FORMAT, version: 1, exportedAt: new Date(this.ctx.clock()).toISOString(), rules: rules.map(definitionOf) };
  }

  /** All or nothing: the file's rules after the existing ones, in its order, off unless `keepEnabled`. */
  import(file: RulesFile, keepEnabled: boolean): { imported: Rule[] } {
    const { db } = this.ctx;
    return db.transaction(() => {
      const imported = file.rules.map((definition) => {
        const rule = this.get(insertRule(db, { ...definition, isEnabled: keepEnabled && definition.isEnabled }, countRules(db), this.ctx.clock()));
        this.record('rule.imported', rule);
        return rule;
      });
      return { imported };
    })();
  }

  /** Tries a definition, saved or not, on the last `options.days` of history; changes nothing. */
  dryRun(definition: RuleDefinition, options: DryRunOptions): DryRunResult {
    return dryRun(this.ctx.db, definition, options, this.ctx.clock(), this.dryRunDeps);
  }

  /** The starters in this language; the away reply uses the workspace's away-reply template when there is one. */
  starters(language: 'fr' | 'en'): StarterRule[] {
    const { db } = this.ctx;
    return starterRules(language, { awayTemplateId: awayRepliesSetup(db).workspace.templateId, meId: me(db, this.ctx.clock()).id });
  }
}
