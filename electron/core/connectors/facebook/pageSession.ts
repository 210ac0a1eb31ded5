import { z } from 'zod';
import { ConnectorError } from '../connector';
import { encodeFacebookSecret, type FacebookSecret } from './facebookSecret';
import type { GraphCall, GraphHttp } from './graphHttp';

export type PageCall = Omit<GraphCall, 'token'>;
/** What the sync, replies and moderation call Graph through: the Page's token is the session's business. */
export type PageGraph = { call(call: PageCall): Promise<unknown> };

const pageTokenSchema = z.object({ access_token: z.string().min(1) });

/**
 * Graph calls as the Page. Meta has no refresh token: when it refuses the Page token (code 190),
 * a new one is asked from the long-lived user token the sign-in kept (`GET /{page-id}?fields=access_token`),
 * stored through `saveSecret` before it is used, and the call is made once more. When the user
 * token is gone or refused too, the refusal stands: the account needs reconnecting.
 */
export class PageSession implements PageGraph {
  constructor(
    private readonly http: GraphHttp,
    private secret: FacebookSecret,
    private readonly io: { saveSecret: (secret: string) => Promise<void>; now: () => number },
  ) {}

  get page() {
    return { id: this.secret.pageId, name: this.secret.pageName };
  }

  get tasks(): readonly string[] {
    return this.secret.tasks;
  }

  async call(call: PageCall): Promise<unknown> {
    try {
      return await this.http.call({ ...call, token: this.secret.pageToken });
    } catch (error) {
      if (!(error instanceof ConnectorError) || error.kind !== 'auth' || !(await this.renewPageToken(call.signal))) throw error;
      return this.http.call({ ...call, token: this.secret.pageToken });
    }
  }

  private async renewPageToken(signal: AbortSignal): Promise<boolean> {
    const { userToken, userTokenExpiresAt } = this.secret;
    if (userToken === null || (userTokenExpiresAt !== null && userTokenExpiresAt <= this.io.now())) return false;
    let body: unknown;
    try {
      body = await this.http.call({ path: `/${encodeURIComponent(this.secret.pageId)}`, query: { fields: 'access_token' }, token: userToken, signal, what: 'renewing the Page’s token' });
    } catch (error) {
      if (error instanceof ConnectorError && error.kind === 'auth') return false;
      throw error;
    }
    const parsed = pageTokenSchema.safeParse(body);
    if (!parsed.success || parsed.data.access_token === this.secret.pageToken) return false;
    const renewed = { ...this.secret, pageToken: parsed.data.access_token };
    await this.io.saveSecret(encodeFacebookSecret(renewed));
    this.secret = renewed;
    return true;
  }
}
