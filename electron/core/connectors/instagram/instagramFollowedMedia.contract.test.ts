import { afterEach, describe, expect, it } from 'vitest';
import { FOLLOW_EVERY_MS } from '../meta/followedParents';
import { DAY_MS, startInstagramKit, syncAll } from './contract/instagramTestKit';

// Comments under media older than the 50 newest keep arriving while their conversation is alive:
// the media of comments stored in the last 30 days are checked every 15 minutes (#13).

let kit: Awaited<ReturnType<typeof startInstagramKit>>;
afterEach(() => kit.close());

const PERSON = { id: '6000000000000088', username: 'marc.t' };
type Stored = { externalId: string; ref: Record<string, unknown>; text: string };
const recheckOf = (stored: Stored[]) => [...stored].reverse().map((item) => ({ externalId: item.externalId, ref: item.ref }));

describe('Instagram comments under older media', () => {
  it('still arrive once the media is past the 50 newest, checked on a slower cadence', async () => {
    kit = await startInstagramKit();
    const old = kit.server.world.addMedia('Menu d’automne', kit.clock.now - 3 * DAY_MS);
    kit.server.world.addComment(old, 'Il revient quand?', kit.clock.now - DAY_MS, PERSON);
    const first = await syncAll(kit.connector, {}, { now: kit.clock.now });
    const stored = first.items as unknown as Stored[];
    expect(stored.map((item) => item.text)).toEqual(['Il revient quand?']);

    // Fifty newer posts push it off the list Instagram gives; its thread goes on.
    for (let index = 0; index < 50; index++) kit.server.world.addMedia(`Publication ${index}`, kit.clock.now - DAY_MS / 2 + index * 60_000);
    kit.clock.now += 3_600_000;
    kit.server.world.addComment(old, 'En janvier, promis?', kit.clock.now - 60_000, PERSON);
    const second = await syncAll(kit.connector, first.cursors, { now: kit.clock.now, recheck: recheckOf(stored) });
    // A media read is read whole (ingest skips what it has): the new reply is among them.
    expect(second.items.map((item) => item.text)).toContain('En janvier, promis?');
    stored.push(...(second.items as unknown as Stored[]));

    // Within 15 minutes the older media is not asked again; after, it is.
    kit.server.world.addComment(old, 'Merci!', kit.clock.now + 1_000, PERSON);
    kit.clock.now += 2_000;
    expect((await syncAll(kit.connector, second.cursors, { now: kit.clock.now, recheck: recheckOf(stored) })).items).toEqual([]);
    kit.clock.now += FOLLOW_EVERY_MS;
    const third = await syncAll(kit.connector, second.cursors, { now: kit.clock.now, recheck: recheckOf(stored) });
    expect(third.items.map((item) => item.text)).toContain('Merci!');
  });
});
