import { describe, expect, it } from 'vitest';
import { KeyEnvelopeError, newDeskKeyPair, openTeamKey, publicKeyOf, sealTeamKey, type KeyEnvelope } from './keyEnvelope';
import { newTeamKey, TeamKeyError } from './teamKey';

const WORKSPACE = '0b7f3c1e-8d2a-4c5b-9e6f-1a2b3c4d5e6f';
const ROLE = 'pieuvre_0123456789abcdef';

const refusalOf = (privateJwk: string, envelope: KeyEnvelope, workspaceId = WORKSPACE) => {
  try {
    openTeamKey(privateJwk, workspaceId, envelope);
    return null;
  } catch (error) {
    return error;
  }
};

describe('key envelope', () => {
  it('seals a team key that only the member’s own desktop opens, with a fresh ephemeral key and nonce each time', () => {
    const desk = newDeskKeyPair();
    expect(publicKeyOf(desk.privateJwk).equals(desk.publicKey)).toBe(true);
    const teamKey = newTeamKey(2);
    const first = sealTeamKey(teamKey, { workspaceId: WORKSPACE, role: ROLE, publicKey: desk.publicKey });
    const second = sealTeamKey(teamKey, { workspaceId: WORKSPACE, role: ROLE, publicKey: desk.publicKey });
    expect(first).toMatchObject({ role: ROLE, keyVersion: 2 });
    expect(first.ephemeralPublicKey.equals(second.ephemeralPublicKey)).toBe(false);
    expect(first.ciphertext.includes(teamKey.key)).toBe(false);
    expect(openTeamKey(desk.privateJwk, WORKSPACE, first)).toEqual(teamKey);
    expect(openTeamKey(desk.privateJwk, WORKSPACE, second)).toEqual(teamKey);
  });

  it('refuses, naming the version and role, an envelope altered, relabelled, moved to another workspace, or opened by another desktop', () => {
    const desk = newDeskKeyPair();
    const envelope = sealTeamKey(newTeamKey(3), { workspaceId: WORKSPACE, role: ROLE, publicKey: desk.publicKey });
    const flipped = Buffer.from(envelope.ciphertext);
    flipped[5] = (flipped[5] ?? 0) ^ 1;
    const cases: [string, KeyEnvelope, string?][] = [
      [desk.privateJwk, { ...envelope, ciphertext: flipped }],
      [desk.privateJwk, { ...envelope, nonce: Buffer.alloc(12) }],
      [desk.privateJwk, { ...envelope, ephemeralPublicKey: newDeskKeyPair().publicKey }],
      [desk.privateJwk, { ...envelope, ciphertext: envelope.ciphertext.subarray(1) }],
      [desk.privateJwk, { ...envelope, keyVersion: 4 }],
      [desk.privateJwk, { ...envelope, role: 'pieuvre_fedcba9876543210' }],
      [desk.privateJwk, envelope, '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f'],
      [newDeskKeyPair().privateJwk, envelope],
    ];
    for (const [privateJwk, altered, workspaceId] of cases) {
      const refusal = refusalOf(privateJwk, altered, workspaceId);
      expect(refusal).toBeInstanceOf(KeyEnvelopeError);
      expect(refusal).toBeInstanceOf(TeamKeyError);
      expect(refusal).toMatchObject({
        message: `The team key version ${altered.keyVersion} sealed for ${altered.role} does not open on this desktop: it was altered on the hub, or sealed for another desktop’s key.`,
      });
    }
  });

  it('takes only 32-byte public keys', () => {
    expect(() => sealTeamKey(newTeamKey(), { workspaceId: WORKSPACE, role: ROLE, publicKey: Buffer.alloc(31) })).toThrow('A desktop’s public key is 32 bytes.');
  });
});
