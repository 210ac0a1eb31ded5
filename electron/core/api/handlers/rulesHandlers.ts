import type { Handlers } from '../apiServer';
import type { RuleService } from '../../rules/ruleService';

type RulesMethods = Extract<keyof Handlers, `rules.${string}`>;

export function rulesHandlers(rules: RuleService): Pick<Handlers, RulesMethods> {
  return {
    'rules.list': () => rules.list(),
    'rules.get': ({ id }) => rules.get(id),
    'rules.versions': ({ id }) => rules.versions(id),
    'rules.create': ({ definition, position }) => rules.create(definition, position),
    'rules.update': ({ id, definition }) => rules.update(id, definition),
    'rules.delete': ({ id }) => rules.delete(id),
    'rules.setEnabled': ({ id, isEnabled }) => rules.setEnabled(id, isEnabled),
    'rules.reorder': ({ ids }) => rules.reorder(ids),
    'rules.duplicate': ({ id, name }) => rules.duplicate(id, name),
    'rules.dryRun': ({ definition, ...options }) => rules.dryRun(definition, options),
    'rules.export': ({ ids }) => rules.export(ids),
    'rules.import': ({ file, keepEnabled }) => rules.import(file, keepEnabled),
    'rules.starters': ({ language }) => rules.starters(language),
  };
}
