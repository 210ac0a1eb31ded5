import type { TFunction } from 'i18next';
import type { TeamMember } from '../../../shared/api/team';
import type { ActivityLine } from '../../../shared/domain/entities';

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/**
 * Whom an urgent conversation was escalated to, for its history line: "You" for the person at
 * this desktop only. The core records names and, since it can, ids; a line without ids is from
 * before, when this desktop's person was recorded as "me" if they had no name.
 */
export function escalatedTo(line: ActivityLine, people: readonly TeamMember[], t: TFunction): string {
  const names = strings(line.data.to);
  const ids = strings(line.data.toIds);
  return names
    .map((name, index) => {
      const id = ids[index];
      if (id === undefined) return name === 'me' ? t('pane.you') : name;
      const person = people.find((candidate) => candidate.id === id);
      if (person?.isMe) return t('pane.you');
      return person?.name || name;
    })
    .join(', ');
}
