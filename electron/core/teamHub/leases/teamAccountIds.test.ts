import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../store/database';
import { TeamAccountIds } from './teamAccountIds';

describe('an account’s id on the hub', () => {
  it('is the least of its ids this desktop knows, and hub names map both ways; other secrets keep their names', () => {
    const db = openDatabase(':memory:');
    // Marc's desktop: his own id for Café Lune, Julie's (below it) recorded as an alias.
    const [julies, marcs, other] = ['01a2-julie', '01b2-marc', '01c2-other'];
    db.prepare("INSERT INTO hub_aliases (entity, alias_id, canonical_id) VALUES ('account', ?, ?)").run(julies, marcs);
    const ids = new TeamAccountIds(db);
    expect(ids.teamIdOf(marcs)).toBe(julies);
    expect(ids.localIdOf(julies)).toBe(marcs);
    expect([ids.teamIdOf(other), ids.localIdOf(other)]).toEqual([other, other]);
    expect(ids.hubName(`account:${marcs}:accessToken`)).toBe(`account:${julies}:accessToken`);
    expect(ids.localName(`account:${julies}:accessToken`)).toBe(`account:${marcs}:accessToken`);
    expect(ids.hubName('hub:teamKey')).toBe('hub:teamKey');

    // Julie's desktop, the other way round: the same team id.
    const hers = openDatabase(':memory:');
    hers.prepare("INSERT INTO hub_aliases (entity, alias_id, canonical_id) VALUES ('account', ?, ?)").run(marcs, julies);
    expect(new TeamAccountIds(hers).teamIdOf(julies)).toBe(julies);
  });
});
