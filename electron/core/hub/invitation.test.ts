import { describe, expect, it } from 'vitest';
import { newId } from '../ids';
import { decodeInvitation, encodeInvitation, InvitationError, type Invitation } from './invitation';
import { newTeamKey, open, seal } from './teamKey';

const NOW = Date.UTC(2026, 11, 5, 12);
const invitation = (overrides: Partial<Invitation> = {}): Invitation => ({
  hubUrl: 'postgresql://hub.example.org:5432/pieuvre?sslmode=verify-full',
  workspaceId: newId(),
  role: 'pieuvre_0123456789abcdef',
  password: 'Sx7-long-enough-password',
  teamKey: newTeamKey(4),
  expiresAt: NOW + 7 * 24 * 3_600_000,
  ...overrides,
});
const refusal = (text: string) => {
  try {
    decodeInvitation(text, NOW);
  } catch (error) {
    return error;
  }
  throw new Error('The invitation was accepted.');
};

describe('invitation', () => {
  it('is one string that gives back every part, the team key and a private CA too, surrounding spaces ignored', () => {
    const made = invitation({ serverCa: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' });
    const text = encodeInvitation(made);
    expect(text).toMatch(/^pieuvre-invitation-1\.[A-Za-z0-9_-]+$/u);
    expect(decodeInvitation(`  ${text}\n`, NOW)).toEqual(made);
    const withoutCa = invitation();
    expect(decodeInvitation(encodeInvitation(withoutCa), NOW)).toEqual(withoutCa);
  });

  it('is refused once expired, saying when', () => {
    const text = encodeInvitation(invitation({ expiresAt: NOW }));
    expect(refusal(text)).toMatchObject({ reason: 'expired', message: 'This invitation expired on 2026-12-05T12:00:00.000Z: ask for a new one.' });
  });

  it('is refused, saying what is wrong, when cut short, garbled, from a newer app or not an invitation at all', () => {
    const text = encodeInvitation(invitation());
    expect(refusal(text.slice(0, -12))).toMatchObject({ reason: 'garbled', message: expect.stringContaining('damaged') });
    expect(refusal(`${text.slice(0, 40)}!${text.slice(41)}`)).toMatchObject({ reason: 'garbled' });
    const otherFields = `pieuvre-invitation-1.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(text.split('.')[1] ?? '', 'base64url').toString()), role: 'postgres' })).toString('base64url')}`;
    expect(refusal(otherFields)).toMatchObject({ reason: 'garbled', message: 'This invitation is damaged (role): ask for it again.' });
    expect(refusal(`pieuvre-invitation-2.${text.split('.')[1]}`)).toMatchObject({ reason: 'newer', message: expect.stringContaining('format 2') });
    expect(refusal('postgresql://hub.example.org/pieuvre')).toMatchObject({ reason: 'not_an_invitation' });
    expect(refusal('')).toBeInstanceOf(InvitationError);
  });

  it('with a team key altered on the way opens no token: the error says so instead of giving garbage', () => {
    const made = invitation();
    const sealed = seal(made.teamKey, 'account:bluesky', 'app-password');
    const key = Buffer.from(made.teamKey.key);
    key[5] = (key[5] ?? 0) ^ 0x20;
    const received = decodeInvitation(encodeInvitation({ ...made, teamKey: { ...made.teamKey, key } }), NOW);
    expect(() => open(received.teamKey, sealed)).toThrow('"account:bluesky" does not open with team key version 4: it was altered on the hub, or sealed with another key of that version.');
    expect(open(decodeInvitation(encodeInvitation(made), NOW).teamKey, sealed)).toBe('app-password');
  });
});
