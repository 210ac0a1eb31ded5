import type { Handlers } from '../apiServer';
import type { DutyService } from '../../duty/dutyService';

type DutyMethods = 'duty.status' | 'duty.me' | 'duty.setSchedule' | 'duty.previewSchedule' | 'duty.override' | 'duty.peekStart' | 'duty.peekEnd' | 'notifications.badge' | 'shield.status' | 'shield.reveal' | 'duty.setPreferences' | 'me.update';

export function dutyHandlers(duty: DutyService): Pick<Handlers, DutyMethods> {
  return {
    'duty.status': () => duty.status(),
    'duty.me': () => duty.profile(),
    'duty.setSchedule': ({ schedule }) => duty.setSchedule(schedule),
    'duty.previewSchedule': ({ schedule }) => duty.preview(schedule),
    'duty.override': ({ kind }) => duty.override(kind),
    'duty.peekStart': () => duty.peekStart(),
    'duty.peekEnd': ({ peekId }) => duty.peekEnd(peekId),
    'notifications.badge': () => duty.badge(),
    'duty.setPreferences': (preferences) => duty.setPreferences(preferences),
    'me.update': (change) => duty.updateMe(change),
    'shield.status': () => duty.shield(),
    'shield.reveal': ({ messageId }) => duty.reveal(Number(messageId)),
  };
}
