import { createHash } from 'node:crypto';

/**
 * How desktops of a team share the accounts between them without talking to each other: each
 * desktop only knows the leases it holds and the holders the hub named when it asked for
 * others. A desktop asks for an account it does not hold only while it holds fewer than its
 * fair share (the accounts divided among the desktops it has seen holding one, itself
 * included), or when it has not asked for that account for `STARVED_ROUNDS` rounds: so a
 * teammate that already holds some keeps them, an account nobody holds is still taken within a
 * few rounds, and a crashed holder's accounts go to whoever holds least first.
 */
export const STARVED_ROUNDS = 3;

/**
 * Each desktop goes through the accounts in an order of its own (a hash of its id and the
 * account's): two desktops starting together first ask for different accounts, and split them.
 */
export function askingOrder(desktopId: string, accountIds: readonly string[]): string[] {
  const rank = (accountId: string) => createHash('sha256').update(`${desktopId}/${accountId}`).digest('hex');
  return [...accountIds].sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
}

export type ShareView = {
  /** Accounts this desktop could work (it has, or can open, their secrets). */
  candidates: number;
  heldByMe: number;
  /** Other desktops seen holding an account (by desktop id). */
  teammates: ReadonlySet<string>;
  /** Rounds since this desktop last asked for the account (Infinity: never). */
  roundsSinceAsked: number;
};

export function isWorthAsking(view: ShareView): boolean {
  const fairShare = Math.ceil(view.candidates / (view.teammates.size + 1));
  return view.heldByMe < fairShare || view.roundsSinceAsked >= STARVED_ROUNDS;
}
