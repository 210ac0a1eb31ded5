import type { TFunction } from 'i18next';
import type { TeamMember } from '../../../shared/api/team';
import type { ActivityLine } from '../../../shared/domain/entities';

const names = (value: unknown): string => (Array.isArray(value) ? value.filter((item) => typeof item === 'string').join(', ') : '');

/**
 * The history line a rule's action leaves (core: rules/actions, actor `rule:<id>`), naming the
 * rule as it was called then; null for other lines.
 */
export function ruleHistoryText(line: ActivityLine, t: TFunction, people: readonly TeamMember[], formatTime: (at: number) => string): string | null {
  if (!line.actor.startsWith('rule:') || typeof line.data.rule !== 'string') return null;
  const { data } = line;
  const rule = data.rule;
  const person = (id: unknown) => people.find((candidate) => candidate.id === id);
  const personName = (id: unknown) => {
    const found = person(id);
    return found?.isMe ? t('pane.byRule.you') : (found?.name ?? t('assign.history.formerTeammate'));
  };
  switch (line.action) {
    case 'conversation.tags':
      return names(data.add) !== '' ? t('pane.byRule.tagged', { rule, tags: names(data.add) }) : t('pane.byRule.untagged', { rule, tags: names(data.remove) });
    case 'conversation.priority':
      return t('pane.byRule.priority', { rule, priority: t(`pane.byRule.priorities.${String(data.priority)}`) });
    case 'conversation.assigned':
      return t('pane.byRule.assigned', { rule, name: personName(data.assigneeId) });
    case 'conversation.status':
      if (data.status === 'snoozed' && typeof data.snoozeUntil === 'number') return t('pane.byRule.snoozed', { rule, time: formatTime(data.snoozeUntil) });
      return t(`pane.byRule.status.${String(data.status)}`, { rule });
    case 'conversation.urgent':
      return t('pane.byRule.urgent', { rule });
    case 'conversation.note':
      return t('pane.byRule.note', { rule });
    case 'conversation.notified':
      return t('pane.byRule.notified', { rule, name: personName(data.personId) });
    default:
      return null;
  }
}
