import type { TFunction } from 'i18next';
import type { TeamMember } from '../../../shared/api/team';
import type { ActivityLine } from '../../../shared/domain/entities';

/** The history line an assignment leaves (core: conversations.assign), with its note; null for other lines. */
export function assignHistoryText(line: ActivityLine, t: TFunction, people: readonly TeamMember[]): string | null {
  if (line.action !== 'conversation.assigned') return null;
  const { assigneeId, note, isUndo } = line.data;
  const person = people.find((candidate) => candidate.id === assigneeId);
  let text: string;
  if (assigneeId === null) text = t('assign.history.unassigned');
  else if (person?.isMe) text = t('assign.history.assignedToYou');
  else text = t('assign.history.assigned', { name: person?.name ?? t('assign.history.formerTeammate') });
  if (isUndo === true) return t('assign.history.undone', { line: text });
  return typeof note === 'string' && note !== '' ? t('assign.history.note', { line: text, note }) : text;
}
