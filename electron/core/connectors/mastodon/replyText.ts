import { qualifiedAcct } from './qualifiedAcct';

/**
 * The text a reply is posted with: whoever took part (the author answered and everyone it
 * mentioned, the brand aside) is mentioned, in front when the person did not write it, since on
 * Mastodon the mentioned are who a reply reaches (for a direct one, the only ones).
 */
export function replyText(text: string, participants: readonly string[], brandHandle: string, host: string): string {
  const brand = brandHandle.toLowerCase();
  const missing = [...new Set(participants.map((acct) => qualifiedAcct(acct, host)))].filter(
    (acct) => acct.toLowerCase() !== brand && !mentions(text, acct, host),
  );
  return missing.length === 0 ? text : `${missing.map((acct) => `@${acct}`).join(' ')} ${text}`;
}

/** `@name@host` anywhere, or `@name` alone for an account of the brand's own server. */
function mentions(text: string, acct: string, host: string): boolean {
  const [name = '', accountHost = ''] = acct.split('@');
  const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const forms = accountHost.toLowerCase() === host.toLowerCase() ? `${escape(name)}(@${escape(accountHost)})?` : `${escape(name)}@${escape(accountHost)}`;
  return new RegExp(`(^|[^\\w@])@${forms}(?![\\w@.-]*\\w)`, 'i').test(text);
}
