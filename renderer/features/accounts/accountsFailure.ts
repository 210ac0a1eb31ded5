import type { TFunction } from 'i18next';
import type { ErrorCode } from '../../../shared/api/result';
import { CoreError } from '../../app/coreClient';
import { en } from '../../i18n/en';

/** A failed accounts call as the view keeps it: the core's code, its finer reason (a refused sign-in), its English message. */
export type AccountsFailure = { code: ErrorCode; reason?: string; message: string };

export const failureOf = (error: unknown): AccountsFailure =>
  error instanceof CoreError
    ? { code: error.code, message: error.message, ...(error.reason === undefined ? {} : { reason: error.reason }) }
    : { code: 'internal', message: error instanceof Error ? error.message : String(error) };

/**
 * The failure in the person's language: a sign-in refusal the UI knows by its reason key (the
 * core's SIGN_IN_REFUSALS), else what kind of failure it was followed by the core's own words.
 */
export function failureText(t: TFunction, failure: AccountsFailure): string {
  // A platform's refusal ends with its own words (`{{message}}`): they name what was wrong.
  if (failure.reason !== undefined && Object.hasOwn(en.accounts.refusal, failure.reason)) return t(`accounts.refusal.${failure.reason}`, { message: failure.message });
  return t(`accounts.failed.${failure.code}`, { message: failure.message });
}
