import { describeIssues } from '../../../../shared/api/describeIssues';
import { ConnectorError, type ConnectorAccount, type ConnectorFactory, type ConnectorIo } from '../connector';
import { BlueskyClient } from './blueskyClient';
import { BlueskyConnector } from './blueskyConnector';
import { blueskySecretSchema } from './blueskySecret';
import { BlueskySession } from './blueskySession';

/** Builds a Bluesky account's connector from its stored session (see blueskySecret.ts). */
export const blueskyConnectorFactory = {
  platform: 'bluesky',
  open(account: ConnectorAccount, secret: string, io: ConnectorIo): BlueskyConnector {
    const parsed = blueskySecretSchema.safeParse(parseJson(secret));
    // An unreadable secret cannot be repaired here: signing in again writes a good one.
    if (!parsed.success) throw new ConnectorError(`Bluesky: the stored session of ${account.handle} is unreadable (${describeIssues(parsed.error)}); connect the account again`, 'auth');
    return new BlueskyConnector(new BlueskyClient(new BlueskySession(parsed.data, io), io), io);
  },
} satisfies ConnectorFactory;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
