import type { Db } from '../../store/database';
import { cachedStatement } from '../../store/statementCache';

const ACCOUNT_PREFIX = 'account:';

/**
 * The id an account has on the hub, for its lease and its sealed tokens. One account connected
 * apart on two desktops before they joined has two ids: each desktop keeps its own (its tokens
 * are filed under it) and records the other's as an alias (sync/adoptCreation.ts). The team id is
 * the least of the ids a desktop knows for it: every desktop works out the same one once the sync
 * brought both creations, so the account ends with one lease and one set of tokens. Until then a
 * desktop knows only its own id; when the team id changes, the lease held under the old one is
 * let go (leaseKeeper.ts).
 */
export class TeamAccountIds {
  constructor(private readonly db: Db) {}

  teamIdOf(localId: string): string {
    const aliases = cachedStatement<[string], string>(this.db, "SELECT alias_id FROM hub_aliases WHERE entity = 'account' AND canonical_id = ?").pluck().all(localId);
    return [localId, ...aliases].sort()[0] ?? localId;
  }

  /** This desktop's id for an account the hub names by `teamId` (itself when this desktop has no such account). */
  localIdOf(teamId: string): string {
    const local = cachedStatement<[string], string>(this.db, "SELECT canonical_id FROM hub_aliases WHERE entity = 'account' AND alias_id = ?").pluck().get(teamId);
    return local ?? teamId;
  }

  /** A secret's name as the hub files it (`account:<team id>:<purpose>`); other names stay. */
  hubName(localName: string): string {
    return renamed(localName, (id) => this.teamIdOf(id));
  }

  /** A sealed secret's name as this desktop's secret store files it. */
  localName(hubName: string): string {
    return renamed(hubName, (id) => this.localIdOf(id));
  }
}

function renamed(name: string, map: (accountId: string) => string): string {
  if (!name.startsWith(ACCOUNT_PREFIX)) return name;
  const [accountId = '', ...rest] = name.slice(ACCOUNT_PREFIX.length).split(':');
  return [`${ACCOUNT_PREFIX}${map(accountId)}`, ...rest].join(':');
}
