/**
 * `acct` names the server's own accounts bare (`name`) and others as `name@host`: the inbox
 * shows, and a reply mentions, everyone as `name@host`, which means the same on any server.
 */
export function qualifiedAcct(acct: string, host: string): string {
  const bare = acct.replace(/^@/, '');
  return bare.includes('@') ? bare : `${bare}@${host}`;
}
