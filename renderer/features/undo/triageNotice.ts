import type { TFunction } from 'i18next';
import type { TriageChange } from '../inbox/listChange';

/** The assignee's name as the notice says it ("you" for me), or null when unassigning. */
export type AssigneeName = string | null;

/** What a triage action did, in a short sentence with how many: "3 conversations marked done". */
export function triageNotice(change: TriageChange, count: number, t: TFunction, options: { assigneeName: AssigneeName; until: string }): string {
  switch (change.kind) {
    case 'status':
      if (change.status === 'snoozed') return t('triage.notice.snoozed', { count, until: options.until });
      return t(`triage.notice.${change.status === 'open' ? 'reopened' : change.status}`, { count });
    case 'read':
      return t(`triage.notice.${change.read ? 'read' : 'unread'}`, { count });
    case 'urgent':
      return t(`triage.notice.${change.isUrgent ? 'urgent' : 'notUrgent'}`, { count });
    case 'assign':
      return options.assigneeName === null ? t('triage.notice.unassigned', { count }) : t('triage.notice.assigned', { count, name: options.assigneeName });
    case 'tag': {
      const tags = (names: readonly string[]) => names.map((name) => `#${name}`).join(', ');
      return change.add.length > 0 ? t('triage.notice.tagged', { count, tags: tags(change.add) }) : t('triage.notice.untagged', { count, tags: tags(change.remove ?? []) });
    }
  }
}
