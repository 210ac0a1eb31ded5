import type { Handlers } from '../apiServer';
import type { RuleService } from '../../rules/ruleService';

type RulesMethods = Extract<keyof Handlers, `rules.${string}`>;

/** `onChanged`: after rules were created, changed, turned on or off, or removed (their time triggers are rescheduled). */
export function rulesHandlers(rules: RuleService, onChanged: (ruleIds: readonly string[]) => void): Pick<Handlers, RulesMethods> {
  const changed = <T>(result: T, ruleIds: readonly string[]): T => {
    onChanged(ruleIds);
    return result;
  };
  const changedRule = <T extends { id: string }>(rule: T): T => changed(rule, [rule.id]);
  return {
    'rules.list': () => rules.list(),
    'rules.get': ({ id }) => rules.get(id),
    'rules.versions': ({ id }) => rules.versions(id),
    'rules.create': ({ definition, position }) => changedRule(rules.create(definition, position)),
    'rules.update': ({ id, definition }) => changedRule(rules.update(id, definition)),
    'rules.delete': ({ id }) => changed(rules.delete(id), [id]),
    'rules.setEnabled': ({ id, isEnabled }) => changedRule(rules.setEnabled(id, isEnabled)),
    'rules.reorder': ({ ids }) => rules.reorder(ids),
    'rules.duplicate': ({ id, name }) => changedRule(rules.duplicate(id, name)),
    'rules.dryRun': ({ definition, ...options }) => rules.dryRun(definition, options),
    'rules.export': ({ ids }) => rules.export(ids),
    'rules.import': ({ file, keepEnabled }) => {
      const result = rules.import(file, keepEnabled);
      return changed(result, result.imported.map((rule) => rule.id));
    },
    'rules.starters': ({ language }) => rules.starters(language),
  };
}
