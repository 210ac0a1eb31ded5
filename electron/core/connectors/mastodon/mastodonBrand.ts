import { ConnectorError } from '../connector';
import { accountSchema, type MastodonAccount } from './mastodonEntities';
import type { MastodonHttp } from './mastodonHttp';
import type { MastodonBrand } from './normaliseNotification';
import { qualifiedAcct } from './qualifiedAcct';

/** Who the token belongs to (`verify_credentials`), as the sign-in and the connector read it. */
export async function verifyCredentials(http: MastodonHttp, signal: AbortSignal): Promise<MastodonAccount> {
  const request = { path: '/api/v1/accounts/verify_credentials', signal };
  const response = await http.send(request);
  // Only the token can be wrong here: snac answers a bad one with 422, Mastodon with 401 or 403.
  if (response.status === 403 || response.status === 422) throw new ConnectorError(`${http.origin} refused the account's token (${response.status}).`, 'auth');
  http.ensureOk(response, request);
  const account = accountSchema.safeParse(response.body);
  if (!account.success) throw new ConnectorError(`${http.origin} answered verify_credentials with something that is not an account.`, 'transient');
  return account.data;
}

/**
 * The brand's id on its server, asked once per connector: replies to the brand and its own
 * statuses are recognised by it, and it never leaves the connector (ids are per server).
 */
export class BrandLookup {
  private brand: Promise<MastodonBrand> | null = null;

  constructor(
    private readonly http: MastodonHttp,
    readonly now: () => number,
  ) {}

  get(signal: AbortSignal): Promise<MastodonBrand> {
    this.brand ??= verifyCredentials(this.http, signal).then((account) => {
      const host = accountHost(account, this.http.origin);
      return { localId: account.id, handle: qualifiedAcct(account.acct, host), host };
    });
    // A failed lookup (offline, a refused token) is asked again next time.
    this.brand.catch(() => (this.brand = null));
    return this.brand;
  }
}

/**
 * The host in the server's own account names (`name@host`): that of the account's address,
 * which is the server's name even when it is reached another way (a proxy, a tunnel).
 */
export function accountHost(account: MastodonAccount, origin: string): string {
  for (const address of [account.url, account.uri]) {
    try {
      if (address) return new URL(address).host;
    } catch {
      // Not an address: try the next.
    }
  }
  return new URL(origin).host;
}
