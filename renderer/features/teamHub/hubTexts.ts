import type { TFunction } from 'i18next';
import type { HubLease, HubMemberSummary, HubProblem } from '../../../shared/api/hub';
import { formatDateTime } from '../../lib/formatTime';
import { CoreError } from '../../app/coreClient';
import { en } from '../../i18n/en';

/** Why the connection to the hub is not working, in the person's language. */
export function hubProblemText(t: TFunction, problem: HubProblem): string {
  return t(`teamHub.problem.${problem.code}`, { message: problem.message });
}

/**
 * Who reads an account: this computer, a teammate's ("Julie's computer"), or nobody. French
 * elides "de" before a vowel or a mute h ("L’ordinateur d’Antoine"): the `elided` context.
 */
export function leaseHolderText(t: TFunction, lease: HubLease): string {
  if (lease.holder === 'me') return t('teamHub.leaseMe');
  if (lease.holder === 'nobody') return t('teamHub.leaseNobody');
  if (lease.holder === 'withdrawn') return withdrawnText(t, lease.holderName);
  if (lease.holderName === null) return t('teamHub.leaseTeammate');
  return t('teamHub.leaseTeammateNamed', { name: lease.holderName, ...elision(lease.holderName) });
}

/** "Disconnected on Julie’s computer" / « Déconnecté sur l’ordinateur de Julie »: a teammate disconnected the account for the team. */
export function withdrawnText(t: TFunction, name: string | null): string {
  return name === null || name === '' ? t('teamHub.leaseWithdrawn') : t('teamHub.leaseWithdrawnNamed', { name, ...elision(name) });
}

const elision = (name: string) => (/^[aeiouyhàâäéèêëîïôöùûüœæ]/iu.test(name.trim()) ? { context: 'elided' } : {});

/**
 * The name each teammate goes by in the list, by role: their name, and when the owner invited
 * two people under one name, when each was invited ("Marc, invited Dec 5, 2026, 1:05 p.m."),
 * so that the rows and their Remove buttons can be told apart.
 */
export function memberLabels(t: TFunction, members: readonly HubMemberSummary[], locale: string): Map<string, string> {
  const count = new Map<string, number>();
  for (const member of members) count.set(member.name, (count.get(member.name) ?? 0) + 1);
  return new Map(
    members.map((member) => [member.role, (count.get(member.name) ?? 0) > 1 ? t('teamHub.sameName', { name: member.name, date: formatDateTime(member.addedAt, locale) }) : member.name]),
  );
}

/**
 * A refused hub call in the person's language: the core's reason when the UI knows it (an
 * expired invitation, a connection problem), else its own words after a translated lead.
 */
export function hubFailureText(t: TFunction, error: unknown): string {
  const reason = error instanceof CoreError ? error.reason : undefined;
  if (reason !== undefined && Object.hasOwn(en.teamHub.refusal, reason)) return t(`teamHub.refusal.${reason}`);
  if (reason !== undefined && Object.hasOwn(en.teamHub.problem, reason)) return t(`teamHub.problem.${reason}`, { message: (error as Error).message });
  return t('teamHub.failed', { message: error instanceof Error ? error.message : String(error) });
}
