import type { OAuthPlatform } from '../../../shared/domain/platform';
import type { PlatformAppCredentials } from '../connectors/connector';

/**
 * What the kill-9 test of every wave-2 platform needs from its contract server. Each platform
 * exports one kit (`connectors/<platform>/contract/<platform>ContractKit.ts`, a named export
 * `<platform>ContractKit`), and one command-line test runs the same story for every kit, as a
 * person would, through `PIEUVRE_PLATFORM_ORIGINS` and a holding proxy (scripts/peers/holdingProxy.ts):
 * set up the app, `accounts add <platform>` with the browser's consent, `sync`, `reply ID --wait`
 * killed with SIGKILL once the platform has taken the reply but before Pieuvre recorded it, then
 * the next process: the platform's received log holds the reply exactly once, recorded once.
 * The same story is told for Meta's private replies (`reply ID --privately`), and `accounts check`
 * runs against each kit's server, which must see reads only.
 */
export type ContractKit = {
  platform: OAuthPlatform;
  /** What the person enters as their app on the platform (the contract server accepts it). */
  app: PlatformAppCredentials;
  /** Starts the contract server with at least one inbound item the brand may answer (a comment or mention, not a DM). */
  start(): Promise<RunningContract>;
};

export type RunningContract = {
  /** The server's origin (`http://127.0.0.1:PORT`), standing for every host of the platform. */
  origin: string;
  /** Whether this request (its method, and its path without the query) is the one that posts a reply on the platform. */
  isReplyPost(method: string, path: string): boolean;
  /** The texts of the brand's replies the platform holds now, in the order it took them. */
  repliesReceived(): string[];
  /**
   * Meta's Private Replies, where the platform has them: the request that sends one to a
   * comment's author, and the texts the authors received so, in order. The same story is told
   * with `reply ID --privately`.
   */
  privateReplies?: { isPost(method: string, path: string): boolean; received(): string[] };
  /** Every request the server received, in order: `accounts check` must only read. */
  requests(): readonly { method: string; path: string }[];
  close(): Promise<void>;
};
