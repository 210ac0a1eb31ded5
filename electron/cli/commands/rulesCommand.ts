import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { DryRunResult, Rule } from '../../../shared/api/rules';
import type { RuleAction } from '../../../shared/rules/ruleSchema';
import { CommandFailure, UsageError } from '../cliErrors';
import type { CliSession } from '../cliSession';
import { t, type TextKey } from '../cliText';
import { checked, type CommandArgs } from '../commandLine';
import type { Command, CommandOutput } from './command';
import { readRulesFile } from './rulesFile';

const USAGE = ['rules list', 'rules export [--out FILE]', 'rules import FILE [--enable]', 'rules dry-run FILE [--days N]'];

/** Options another action takes are a mistake here, not something to ignore (`--json` goes with all). */
function only(args: CommandArgs, allowed: readonly string[], usage: string): void {
  const extra = Object.keys(args.values).filter((name) => name !== 'json' && !allowed.includes(name));
  if (extra.length > 0) throw new UsageError(t('errors.notWithThis', { name: extra[0] ?? '', usage }));
}

export const rulesCommand: Command = {
  usage: () => USAGE.join('\n  '),
  // `--json` after the action too, as `rules list --json` reads naturally.
  options: { out: { type: 'string' }, enable: { type: 'boolean' }, days: { type: 'string' }, json: { type: 'boolean' } },
  async run(session, args) {
    const [action, ...rest] = args.positionals;
    if (action === 'list' && rest.length === 0) return list(session, args);
    if (action === 'export' && rest.length === 0) return exportRules(session, args);
    if (action === 'import' && rest.length === 1) return importRules(session, args, rest[0] ?? '');
    if (action === 'dry-run' && rest.length === 1) return dryRunRules(session, args, rest[0] ?? '');
    throw new UsageError(t('errors.unknownAction', { command: 'rules', action: args.positionals.join(' '), usage: USAGE.join(' | pieuvre ') }));
  },
};

/** What `rules list --json` prints of a rule: stable, and short of the whole definition (`rules export` has it). */
const summary = (rule: Rule) => ({
  id: rule.id,
  position: rule.position,
  name: rule.name,
  isEnabled: rule.isEnabled,
  trigger: rule.trigger.type,
  builtIn: rule.builtIn,
  version: rule.version,
  hitCount: rule.hitCount,
  lastHitAt: rule.lastHitAt,
  error: rule.error?.message ?? null,
});

async function list(session: CliSession, args: CommandArgs): Promise<CommandOutput> {
  only(args, [], 'rules list');
  const rules = (await session.call('rules.list', {})).map(summary);
  const line = (rule: ReturnType<typeof summary>) => {
    const state = t(rule.isEnabled ? 'rules.on' : 'rules.off');
    const head = t('rules.line', { position: rule.position + 1, state, name: rule.name, trigger: rule.trigger, version: rule.version, hits: t('rules.hits', { count: rule.hitCount }), id: rule.id });
    return rule.error ? `${head}\n   ${t('rules.turnedOff', { error: rule.error })}` : head;
  };
  return { json: rules, text: rules.length === 0 ? t('rules.none') : rules.map(line).join('\n') };
}

async function exportRules(session: CliSession, args: CommandArgs): Promise<CommandOutput> {
  only(args, ['out'], 'rules export [--out FILE]');
  const file = await session.call('rules.export', {});
  const out = args.values.out;
  if (typeof out !== 'string') return { json: file, text: JSON.stringify(file, null, 2) };
  const path = resolve(out);
  try {
    writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CommandFailure(t('errors.cannotWrite', { path, reason: code === 'ENOENT' ? t('errors.noFolder') : (error as Error).message }));
  }
  return { json: { path, rules: file.rules.length }, text: t('rules.exported', { count: file.rules.length, path }) };
}

async function importRules(session: CliSession, args: CommandArgs, fileName: string): Promise<CommandOutput> {
  only(args, ['enable'], 'rules import FILE [--enable]');
  const file = readRulesFile(fileName);
  const keepEnabled = args.values.enable === true;
  const { imported } = await session.call('rules.import', { file, keepEnabled });
  const off = keepEnabled ? '' : t('rules.importedOff');
  return { json: { imported: imported.map(summary) }, text: `${t('rules.imported', { count: imported.length })}${off}` };
}

/**
 * What `rules dry-run --json` prints, one entry per rule of the file, in its order: the
 * conversations it would have matched and how many of them each of its actions would change.
 */
export type RuleDryRun = {
  name: string;
  days: number;
  scanned: number;
  /** What `scanned` counts: messages for a message trigger, conversations replayed for time and change triggers. */
  scannedKind: 'message' | 'conversation';
  matchedMessages: number;
  matchedConversationIds: string[];
  actions: { action: RuleAction; conversations: number }[];
  /** The trigger cannot be replayed on history: nothing was scanned. */
  unsupported: DryRunResult['unsupported'] | null;
};

/** Made when asked: its words are the command line's language, set as it starts. */
const daysSchema = () =>
  z.coerce.number({ message: t('rules.daysWhole') }).int(t('rules.daysWhole')).min(1, t('rules.daysMin')).max(365, t('rules.daysMax'));

async function dryRunRules(session: CliSession, args: CommandArgs, fileName: string): Promise<CommandOutput> {
  only(args, ['days'], 'rules dry-run FILE [--days N]');
  const days = args.values.days === undefined ? 30 : checked('--days', daysSchema(), args.values.days);
  const file = readRulesFile(fileName);
  const results: RuleDryRun[] = [];
  for (const definition of file.rules) {
    const result = await session.call('rules.dryRun', { definition, days, sampleSize: 0, allIds: true });
    results.push({
      name: definition.name,
      days,
      scanned: result.scanned,
      scannedKind: definition.trigger.type === 'messageArrived' ? 'message' : 'conversation',
      matchedMessages: result.matchedMessages,
      matchedConversationIds: result.matchedConversationIds ?? [],
      actions: definition.actions.map((action) => ({ action, conversations: result.actionCounts[action.type] ?? 0 })),
      unsupported: result.unsupported ?? null,
    });
  }
  return { json: results, text: results.map(describe).join('\n') };
}

/** Why a trigger is not tried on history, by what `unsupported` says. */
const UNSUPPORTED_TEXT: Record<NonNullable<DryRunResult['unsupported']>, TextKey> = { shift: 'rules.notTried' };

function describe(run: RuleDryRun): string {
  if (run.unsupported) return t(UNSUPPORTED_TEXT[run.unsupported], { name: run.name });
  const head = t('rules.dryRun', {
    name: run.name,
    conversations: t('rules.conversations', { count: run.matchedConversationIds.length }),
    matches: t('rules.matches', { count: run.matchedMessages }),
    scanned: t(run.scannedKind === 'message' ? 'rules.messages' : 'rules.conversations', { count: run.scanned }),
    days: t('rules.days', { count: run.days }),
  });
  return [head, ...run.actions.map(({ action, conversations }) => `  ${action.type}: ${conversations}`)].join('\n');
}
