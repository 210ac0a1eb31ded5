import { describe, expect, it } from 'vitest';
import { newTeamKey, open, seal, TeamKeyError, type SealedSecret, type TeamKey } from './teamKey';

const failureOf = (key: TeamKey, sealed: SealedSecret) => {
  try {
    return open(key, sealed);
  } catch (error) {
    return error;
  }
};

describe('team key', () => {
  it('seals a token that only the same key and version open, with a fresh nonce each time', () => {
    const key = newTeamKey(3);
    const token = 'jeton-à-usage-unique 🔑';
    const first = seal(key, 'account:x', token);
    const second = seal(key, 'account:x', token);
    expect(first.keyVersion).toBe(3);
    expect(first.nonce).toHaveLength(12);
    expect(first.nonce.equals(second.nonce)).toBe(false);
    expect(first.ciphertext.equals(second.ciphertext)).toBe(false);
    expect(first.ciphertext.includes(Buffer.from(token))).toBe(false);
    expect(open(key, first)).toBe(token);
    expect(open(key, second)).toBe(token);
  });

  it('says which versions differ when the token was sealed under another one', () => {
    const sealed = seal(newTeamKey(2), 'account:x', 'token');
    expect(failureOf(newTeamKey(1), sealed)).toMatchObject({ reason: 'other_version', message: '"account:x" is sealed with team key version 2; this desktop holds version 1.' });
  });

  it('refuses, as not authentic, another key of the same version, a changed byte, a cut tag, or another name', () => {
    const key = newTeamKey();
    const sealed = seal(key, 'account:x', 'token');
    const flipped = Buffer.from(sealed.ciphertext);
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    const cases: SealedSecret[] = [
      { ...sealed, ciphertext: flipped },
      { ...sealed, ciphertext: sealed.ciphertext.subarray(0, -1) },
      { ...sealed, nonce: Buffer.alloc(12) },
      { ...sealed, name: 'account:y' },
    ];
    for (const altered of [...cases.map((changed) => [key, changed] as const), [newTeamKey(), sealed] as const]) {
      const failure = failureOf(...altered);
      expect(failure).toBeInstanceOf(TeamKeyError);
      expect(failure).toMatchObject({ reason: 'not_authentic', message: expect.stringContaining('does not open with team key version 1') });
    }
  });

  it('takes only 32-byte keys', () => {
    expect(() => seal({ version: 1, key: Buffer.alloc(16) }, 'account:x', 'token')).toThrow('A team key is 32 bytes.');
  });
});
