import { ConnectorError } from '../connector';
import { listingSchema } from './redditEntities';
import type { RedditHttp } from './redditHttp';

/** How long the list of moderated communities is trusted before it is read again. */
const FRESH_MS = 60 * 60_000;

/**
 * The communities the account moderates (`GET /subreddits/mine/moderator`, `mysubreddits`
 * scope): removing and approving are offered only there, as Reddit allows them only there.
 */
export class ModeratedCommunities {
  private known: { names: ReadonlySet<string>; at: number } | null = null;

  constructor(
    private readonly http: RedditHttp,
    private readonly now: () => number,
  ) {}

  /** What was last read, without a call (the connector's `moderation` is read synchronously). */
  get current(): ReadonlySet<string> | null {
    return this.known?.names ?? null;
  }

  async get(signal: AbortSignal): Promise<ReadonlySet<string>> {
    if (this.known !== null && this.now() - this.known.at < FRESH_MS) return this.known.names;
    const response = await this.http.send({ path: '/subreddits/mine/moderator', query: { limit: '100' }, signal, purpose: 'sync' });
    // A sign-in without `mysubreddits` (an older grant) may not list them: it then moderates nowhere, and syncs on.
    if (response.status === 403) return this.remember(new Set());
    this.http.ensureOk(response, 'GET /subreddits/mine/moderator');
    const listing = listingSchema.safeParse(response.body);
    if (!listing.success) throw new ConnectorError('Reddit answered /subreddits/mine/moderator with something that is not a listing.', 'transient');
    const names = new Set(
      listing.data.data.children.flatMap((child) => {
        const name = (child as { data?: { display_name?: unknown } } | null)?.data?.display_name;
        return typeof name === 'string' ? [name.toLowerCase()] : [];
      }),
    );
    return this.remember(names);
  }

  private remember(names: ReadonlySet<string>): ReadonlySet<string> {
    this.known = { names, at: this.now() };
    return names;
  }
}
