import type { PlannedAction } from '../../../shared/api/rules';
import type { RuleFacts } from '../../../shared/rules/compileConditions';
import type { RuleAction } from '../../../shared/rules/ruleSchema';
import type { ConnectorRegistry } from '../connectors/connectorRegistry';
import type { ConversationLine } from '../store/activity';
import type { Db } from '../store/database';
import type { FactRow } from './ruleFacts';
import type { RunNotes } from './runNotes';
import type { RunPriorities } from './runPriorities';
import type { RunTagLinks } from './runTagLinks';

/**
 * What one action of one rule acts on. Every action runs through a runner that either does it
 * (`isDryRun` false, inside the caller's transaction) or only says what it would do: the live
 * rule and the dry run take the same decisions, by construction.
 */
export type RuleActionContext = {
  db: Db;
  /** When the rule looks: the message's arrival, or when a time trigger fell due. */
  at: number;
  isDryRun: boolean;
  rule: { seq: number; id: string; name: string };
  conversation: { seq: number; id: string; accountId: string };
  /** The message from a person the rule is about (the latest one for time and shift triggers); null when there is none. */
  message: FactRow | null;
  facts: RuleFacts | null;
  /** What each account's platform allows (reply rules, moderation): the dry run asks the same. */
  connectors: Pick<ConnectorRegistry, 'find'>;
  /** The run's tags: whether a conversation has one, and live, the links it adds and takes away (one per run; a run taken back starts again with a new one). */
  tags: RunTagLinks;
  /** The run's priorities, the same way. */
  priorities: RunPriorities;
  /** The notes the rule writes, live: the engine writes a run's notes together at its end. */
  notes: RunNotes;
  /** Where the rule's history lines go, live: the engine writes a run's lines together (see `RuleRun`). */
  history: (line: ConversationLine) => void;
};

export type ActionRunner<T extends RuleAction['type']> = (ctx: RuleActionContext, action: Extract<RuleAction, { type: T }>) => PlannedAction;
