import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NewMessagesNotice } from '../../../shared/api/events';
import { isOnDuty } from '../../../shared/schedule';
import { instant, schedule } from '../../../shared/schedule/testing/arbitraries';
import { addAccount, commentItem } from '../testing/itemBuilder';
import { createTestCore } from '../testing/testCore';

describe('off duty means off (property, 12 zones over 2026–2027)', () => {
  it('no notification and no badge count reaches a person while off duty; on duty, every batch is told', async () => {
    await fc.assert(
      fc.asyncProperty(schedule, fc.array(instant, { minLength: 1, maxLength: 12 }), async (mySchedule, times) => {
        const core = createTestCore();
        try {
          const accountId = addAccount(core.context.db);
          const notices: NewMessagesNotice[] = [];
          core.events.subscribe((event) => {
            if (event.name === 'notification.newMessages') notices.push(event.payload as NewMessagesNotice);
          });
          await core.call('duty.setSchedule', { schedule: mySchedule });
          let n = 0;
          for (const at of [...times].sort((a, b) => a - b)) {
            core.now.value = at;
            const before = notices.length;
            core.context.ingest({ accountId, source: 'test', items: [commentItem({ n: n++, createdAt: at })] });
            const isOn = isOnDuty(mySchedule, at);
            expect(notices.length - before).toBe(isOn ? 1 : 0);
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
