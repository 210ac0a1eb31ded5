import type { RuleDefinitionInput } from '../../../shared/rules/ruleSchema';
import type { Db } from '../store/database';
import { insertRule } from './ruleRows';

/** An enabled rule with this trigger that tags what it matches "late": for tests about when rules run, not what they do. */
export const insertTaggingRule = (db: Db, trigger: RuleDefinitionInput['trigger']): number => insertRule(db, { name: 'Late', trigger, actions: [{ type: 'addTag', tag: 'late' }] }).seq;
