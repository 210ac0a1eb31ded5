import { describe, expect, it } from 'vitest';
import { ACCOUNT_CANNOT_CODES } from '../shared/api/accounts';
import { SIGN_IN_REFUSALS } from '../electron/core/connectors/signIn';
import { en } from '../renderer/i18n/en';
import { fr } from '../renderer/i18n/fr';

// The core refuses a sign-in with a reason key; the renderer (which cannot import the core)
// words each one. A reason added on one side only would show people the core's English.
describe('sign-in refusals', () => {
  it('every reason the core gives is worded in English and French, and no other', () => {
    expect(Object.keys(en.accounts.refusal).sort()).toEqual([...SIGN_IN_REFUSALS].sort());
    expect(Object.keys(fr.accounts.refusal).sort()).toEqual([...SIGN_IN_REFUSALS].sort());
  });

  // What a platform keeps from a desktop inbox is said on the account's row as a sentence: a code added without one would show its key.
  it('every platform limit an account may show is a sentence in English and French, and no other', () => {
    expect(Object.keys(en.accounts.limits.cannot).sort()).toEqual([...ACCOUNT_CANNOT_CODES].sort());
    expect(Object.keys(fr.accounts.limits.cannot).sort()).toEqual([...ACCOUNT_CANNOT_CODES].sort());
  });
});
