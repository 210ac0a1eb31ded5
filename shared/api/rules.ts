import { z } from 'zod';
import { method } from './method';
import { ruleDefinitionSchema, rulesFileSchema, type RuleAction, type RuleDefinition } from '../rules/ruleSchema';

const id = z.string().min(1).max(64);

/** Starter rules the app offers, and the ones it keeps built in (their words may be edited). */
export const BUILT_IN_RULES = ['crisis', 'spam'] as const;
export type BuiltInRule = (typeof BUILT_IN_RULES)[number];

/** A rule as the engine keeps it. */
export type Rule = RuleDefinition & {
  id: string;
  /** 0 first: rules run in this order. */
  position: number;
  builtIn: BuiltInRule | null;
  /** Each save is a new version; the older ones stay readable. */
  version: number;
  hitCount: number;
  lastHitAt: number | null;
  /** Why the engine turned the rule off (it threw); cleared when the rule is saved or turned on again. */
  error: { message: string; at: number } | null;
  createdAt: number;
  updatedAt: number;
};

export type RuleVersion = { version: number; definition: RuleDefinition; savedAt: number };

/**
 * What one action would do to one conversation: the action as written, and what it would
 * resolve to where that depends on the moment (the teammate a round robin picks, a reply that
 * would be skipped because the conversation already had one).
 */
export type PlannedAction = { action: RuleAction; outcome: 'apply' | 'skip'; detail?: string };

export type DryRunMatch = {
  conversationId: string;
  messageId: string | null;
  at: number;
  author: string;
  snippet: string;
  /** The message's hostility score (0 to 1): the editor hides a hostile snippet, as the inbox does. */
  hostility: number;
  actions: PlannedAction[];
};

export type DryRunResult = {
  days: number;
  /** Messages (or conversations replayed, for time and change triggers) the rule was tried on. */
  scanned: number;
  matchedConversations: number;
  matchedMessages: number;
  /** The most recent matches, at most `sampleSize`. */
  sample: DryRunMatch[];
  /** Every matched conversation, when asked (`allIds`: the command line's --json). */
  matchedConversationIds?: string[];
  /** How many conversations each action type would have touched. */
  actionCounts: Partial<Record<RuleAction['type'], number>>;
  tookMs: number;
  /**
   * Set when history cannot tell what this trigger would have done (nothing was scanned): a
   * shift (past shifts are not kept). A key, for the editor to say it in the person's language.
   */
  unsupported?: 'shift';
};

/**
 * `needsTemplate`: the rule replies with a template the workspace does not have yet (no away-reply
 * template chosen): the editor asks for one before saving it.
 */
export type StarterRule = { key: string; definition: RuleDefinition; needsTemplate: boolean };

const days = z.number().int().min(1).max(365).default(30);

export const rulesContract = {
  /** Every rule, in order. */
  'rules.list': method<Rule[]>()(z.strictObject({})),
  'rules.get': method<Rule>()(z.strictObject({ id })),
  'rules.versions': method<RuleVersion[]>()(z.strictObject({ id })),
  /** Added last in order, unless `position` says where. */
  'rules.create': method<Rule>()(z.strictObject({ definition: ruleDefinitionSchema, position: z.number().int().min(0).optional() })),
  /** A new version of the rule; its error, if any, is cleared. */
  'rules.update': method<Rule>()(z.strictObject({ id, definition: ruleDefinitionSchema })),
  'rules.delete': method<{ isDeleted: boolean }>()(z.strictObject({ id })),
  'rules.setEnabled': method<Rule>()(z.strictObject({ id, isEnabled: z.boolean() })),
  /** The new order: every rule's id, each once. */
  'rules.reorder': method<Rule[]>()(z.strictObject({ ids: z.array(id).min(1).max(1_000) })),
  /** A copy, turned off, just after the original: named `name` (the editor's words), else "Original (2)". */
  'rules.duplicate': method<Rule>()(z.strictObject({ id, name: ruleDefinitionSchema.shape.name.optional() })),
  /** Tries a definition (saved or not) on the last `days` of history. Changes nothing. */
  'rules.dryRun': method<DryRunResult>()(
    z.strictObject({ definition: ruleDefinitionSchema, days, sampleSize: z.number().int().min(0).max(200).default(20), allIds: z.boolean().default(false) }),
  ),
  'rules.export': method<z.output<typeof rulesFileSchema>>()(z.strictObject({ ids: z.array(id).max(1_000).optional() })),
  /** Adds the file's rules after the existing ones, turned off unless `keepEnabled`. */
  'rules.import': method<{ imported: Rule[] }>()(z.strictObject({ file: rulesFileSchema, keepEnabled: z.boolean().default(false) })),
  /** The starter rules, written in this language. */
  'rules.starters': method<StarterRule[]>()(z.strictObject({ language: z.enum(['fr', 'en']) })),
};
