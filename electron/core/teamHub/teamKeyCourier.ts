import type { HubProblem } from '../../../shared/api/hub';
import type { HubClient } from '../hub/hubClient';
import { KeyEnvelopeError, openTeamKey, publicKeyOf } from '../hub/keyEnvelope';
import { sealPendingEnvelopes } from '../hub/keyEnvelopes';
import type { TeamKey } from '../hub/teamKey';
import type { Logger } from '../log/logger';
import type { SecretStore } from '../secrets/secretStore';
import { asOwner } from './hubOwner';
import { deskPrivateKey, readHubSecrets } from './hubSecrets';
import type { Membership } from './membershipStore';

export type KeyCourierOptions = {
  membership: Pick<Membership, 'workspaceId' | 'isOwner' | 'serverCa'>;
  secrets: () => Promise<SecretStore>;
  log: Logger;
  currentKey: () => TeamKey;
  /** A newer team key came out of this desktop's envelope: store it and use it from now on. */
  onNewKey(teamKey: TeamKey): Promise<void>;
};

/**
 * Carries rotated team keys between the owner's desktop and the teammates who stay, at each
 * check of the connection: this desktop publishes its public key (once per connection); the
 * owner's desktop, when the members changed, seals the current key for members who lack it
 * (their key was published after the rotation, or their invitation was older); every desktop
 * opens the newest envelope above the version it holds.
 */
export class TeamKeyCourier {
  private hasPublished = false;
  /** Read from the secret store once, not at every check. */
  private privateJwk: string | null = null;
  /** The owner's desktop has members to seal for: set when the members change, cleared once sealed. */
  private isSealDue = false;
  /** The envelope version last refused, so a damaged one is logged once, not at every check. */
  private refusedVersion = 0;

  constructor(private readonly options: KeyCourierOptions) {}

  /** Returns the key problem to show while connected (a damaged envelope), or null. */
  async check(client: HubClient, haveMembersChanged: boolean): Promise<HubProblem | null> {
    if (haveMembersChanged) this.isSealDue = true;
    const privateJwk = (this.privateJwk ??= (await deskPrivateKey(await this.options.secrets())).reveal());
    if (!this.hasPublished) {
      await client.publishPublicKey(publicKeyOf(privateJwk));
      this.hasPublished = true;
    }
    if (this.options.membership.isOwner && this.isSealDue) this.isSealDue = !(await this.sealPending());
    return this.openNewer(client, privateJwk);
  }

  private async openNewer(client: HubClient, privateJwk: string): Promise<HubProblem | null> {
    const envelope = await client.newerEnvelope(this.options.currentKey().version);
    if (!envelope) return null;
    try {
      const teamKey = openTeamKey(privateJwk, this.options.membership.workspaceId, envelope);
      await this.options.onNewKey(teamKey);
      this.options.log.info('This desktop received the rotated team key.', { keyVersion: teamKey.version });
      return null;
    } catch (error) {
      if (!(error instanceof KeyEnvelopeError)) throw error;
      if (this.refusedVersion !== envelope.keyVersion) this.options.log.error('The rotated team key left for this desktop did not open.', { err: error });
      this.refusedVersion = envelope.keyVersion;
      return { code: 'key_outdated', message: error.message };
    }
  }

  /** As the owner's role; false when it failed (logged, tried again at the next check). */
  private async sealPending(): Promise<boolean> {
    const { workspaceId, serverCa } = this.options.membership;
    try {
      const { ownerUrl } = await readHubSecrets(await this.options.secrets());
      if (!ownerUrl) return true;
      const sealed = await asOwner(ownerUrl.reveal(), serverCa, (owner) => sealPendingEnvelopes(owner, workspaceId, this.options.currentKey()));
      if (sealed > 0) this.options.log.info('Sealed the team key for teammates who lacked it.', { count: sealed });
      return true;
    } catch (error) {
      this.options.log.warn('The team key could not be sealed for new teammates; trying again at the next check.', { err: error });
      return false;
    }
  }
}
