import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NewMessagesNotice, UrgentNotice } from '../../../shared/api/events';
import { NEW_MESSAGE_NOTICES } from '../../../shared/api/team';
import { isOnDuty } from '../../../shared/schedule';
import { instant, schedule } from '../../../shared/schedule/testing/arbitraries';
import { addAccount, commentItem } from '../testing/itemBuilder';
import { createTestCore } from '../testing/testCore';

const KINDS = ['comment', 'dm', 'mention'] as const;
const preferences = fc.record({ newMessages: fc.constantFrom(...NEW_MESSAGE_NOTICES), urgent: fc.boolean() });

describe('off duty means off (property, 12 zones over 2026–2027)', () => {
  it('no notification and no badge count reaches a person while off duty, but urgent items they accepted; on duty, every batch they asked for is told', async () => {
    await fc.assert(
      fc.asyncProperty(schedule, fc.array(fc.tuple(instant, fc.boolean(), fc.constantFrom(...KINDS)), { minLength: 1, maxLength: 12 }), fc.boolean(), preferences, async (mySchedule, events, acceptsUrgent, notifications) => {
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
          await core.call('team.update', { id: (await core.call('duty.me', {})).id, notifications });
          let n = 0;
          for (const [at, isCrisis, kind] of [...events].sort((a, b) => a[0] - b[0])) {
            core.now.value = at;
            const before = notices.length;
            const urgentBefore = urgent.length;
            // Each crisis message opens its own thread, so each is newly urgent.
            core.context.ingest({ accountId, source: 'test', items: [commentItem({ n: n++, kind, createdAt: at, text: isCrisis ? 'Intoxication alimentaire!' : 'Bonjour' })] });
            const isOn = isOnDuty(mySchedule, at);
            const isWanted = notifications.newMessages === 'all' || (notifications.newMessages === 'mentionsAndDms' && kind !== 'comment');
            expect(notices.length - before).toBe(isOn && isWanted ? 1 : 0);
            const reachesMe = isOn || acceptsUrgent;
            expect(urgent.slice(urgentBefore).map((notice) => [notice.includesMe, notice.notifiesMe])).toEqual(isCrisis ? [[reachesMe, reachesMe && notifications.urgent]] : []);
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
