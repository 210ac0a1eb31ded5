import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NewMessagesNotice, UrgentNotice } from '../../../shared/api/events';
import { isOnDuty } from '../../../shared/schedule';
import { instant, schedule } from '../../../shared/schedule/testing/arbitraries';
import { addAccount, commentItem } from '../testing/itemBuilder';
import { createTestCore } from '../testing/testCore';

describe('off duty means off (property, 12 zones over 2026–2027)', () => {
  it('no notification and no badge count reaches a person while off duty, but urgent items they accepted; on duty, every batch is told', async () => {
    await fc.assert(
      fc.asyncProperty(schedule, fc.array(fc.tuple(instant, fc.boolean()), { minLength: 1, maxLength: 12 }), fc.boolean(), async (mySchedule, events, acceptsUrgent) => {
        const core = createTestCore();
        try {
          const accountId = addAccount(core.context.db);
          const notices: NewMessagesNotice[] = [];
          const urgent: UrgentNotice[] = [];
          core.events.subscribe((event) => {
            if (event.name === 'notification.newMessages') notices.push(event.payload as NewMessagesNotice);
            if (event.name === 'notification.urgent') urgent.push(event.payload as UrgentNotice);
          });
          await core.call('duty.setSchedule', { schedule: mySchedule });
          await core.call('duty.setPreferences', { acceptsUrgentOffDuty: acceptsUrgent });
          let n = 0;
          for (const [at, isCrisis] of [...events].sort((a, b) => a[0] - b[0])) {
            core.now.value = at;
            const before = notices.length;
            const urgentBefore = urgent.length;
            // Each crisis message opens its own thread, so each is newly urgent.
            core.context.ingest({ accountId, source: 'test', items: [commentItem({ n: n++, createdAt: at, text: isCrisis ? 'Intoxication alimentaire!' : 'Bonjour' })] });
            const isOn = isOnDuty(mySchedule, at);
            expect(notices.length - before).toBe(isOn ? 1 : 0);
            expect(urgent.slice(urgentBefore).map((notice) => notice.includesMe)).toEqual(isCrisis ? [isOn || acceptsUrgent] : []);
            const { count } = await core.call('notifications.badge', {});
            if (!isOn) expect(count).toBe(0);
            else expect(count).toBeGreaterThan(0);
            expect((await core.call('duty.status', {})).isOnDuty).toBe(isOn);
          }
        } finally {
          core.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
