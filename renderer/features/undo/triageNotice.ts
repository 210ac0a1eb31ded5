import type { TFunction } from 'i18next';
import type { TriageChange } from '../inbox/listChange';

/** The assignee's name as the notice says it ("you" for me), or null when unassigning. */
export type AssigneeName = string | null;

/** Which kind of action a change is, as the notices name it: its key under `triage.notice` and `triage.undone`. */
function actionKey(change: TriageChange): string {
  switch (change.kind) {
    case 'status':
      return change.status === 'open' ? 'reopened' : change.status;
    case 'read':
      return change.read ? 'read' : 'unread';
    case 'urgent':
      return change.isUrgent ? 'urgent' : 'notUrgent';
    case 'assign':
      return change.assigneeId === null ? 'unassigned' : 'assigned';
    case 'tag':
      return change.add.length > 0 ? 'tagged' : 'untagged';
  }
}

const tagList = (names: readonly string[]) => names.map((name) => `#${name}`).join(', ');

/** What a triage action did, in a short sentence with how many: "3 conversations marked done". */
export function triageNotice(change: TriageChange, count: number, t: TFunction, options: { assigneeName: AssigneeName; until: string }): string {
  const tags = change.kind === 'tag' ? tagList(change.add.length > 0 ? change.add : (change.remove ?? [])) : '';
  return t(`triage.notice.${actionKey(change)}`, { count, until: options.until, name: options.assigneeName ?? '', tags });
}

/** What `z` or Undo took back, named by kind ("Assignment undone"), not a bare "Undone". */
export const undoneNotice = (change: TriageChange, count: number, t: TFunction): string => t(`triage.undone.${actionKey(change)}`, { count });
