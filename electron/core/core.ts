import { join } from 'node:path';
import { createApiServer, type ApiServer, type Handlers, type WriteGate } from './api/apiServer';
import { dataHandlers } from './api/handlers/dataHandlers';
import { systemClock, type Clock } from './clock';
import type { CoreContext } from './coreContext';
import { openCoreSession, type CoreSession, type SessionOptions } from './coreSession';
import { realPlatforms, type AccountPlatforms } from './accounts/platforms';
import { platformOriginsFrom } from './connectors/platformOrigins';
import { PlatformApps } from './accounts/platformApps';
import type { SyncEngine } from './sync/syncEngine';
import type { AccountsService } from './accounts/accountsService';
import { startDailyMaintenance } from './data/dailyMaintenance';
import { DataService, type SwapOptions } from './data/dataService';
import type { DemoSettings, DemoWorkspace } from './demo/demoWorkspace';
import { isDemoWanted } from './demo/isDemoWanted';
import type { DutyService } from './duty/dutyService';
import { lockDataFolder, type LockHolderKind } from './dataFolderLock';
import { createEventBus, type EventBus } from './events';
import type { DatabaseHealth } from './health/databaseHealth';
import type { OutboxWorker, OutboxWorkerOptions } from './outbox/outboxWorker';
import { makePrivateDir } from './store/privateFiles';
import { openLogFile } from './log/logFile';
import { stderrLogger, type Logger } from './log/logger';
import { EncryptedFileSecretStore } from './secrets/encryptedFileSecretStore';
import type { KeyProvider } from './secrets/keyProvider';
import { keyProvidersFor } from './secrets/keyProviders';
import type { RuleScheduler } from './rules/ruleScheduler';
import type { TeamHub } from './teamHub/teamHub';
import { SwitchableAccountGate } from './teamHub/leases/accountGate';

export type CoreOptions = {
  /** Folder holding `pieuvre.db`; `:memory:` for a database that lives only as long as the core. */
  dataDir: string;
  clock?: Clock;
  demo?: Partial<DemoSettings>;
  outbox?: OutboxWorkerOptions;
  /** Where the secrets' key may be kept, best first; by default the system keyring, then a key file. */
  keyProviders?: readonly KeyProvider[];
  /** Where the core logs, closed with it; by default `logs/pieuvre.log` in the data folder (stderr for `:memory:`). */
  log?: Logger;
  /** Told of every unexpected failure, after it is logged (tests make these fail loudly). */
  onInternalError?: (error: unknown) => void;
  /**
   * Takes the data folder for this process until `close()` (see dataFolderLock.ts): every entry
   * point that runs the core for a person (app, harness, command line) names itself here.
   */
  lockAs?: LockHolderKind;
  /** The platforms real accounts run on; by default the ones this build has (accounts/platforms.ts). */
  platforms?: AccountPlatforms;
  /** The sync engine's timers and randomness, for tests that drive time. */
  sync?: SessionOptions['sync'];
  /** Which accounts this desktop polls and sends for (kept across restores); every one by default. */
  accountGate?: SwitchableAccountGate;
  /** The rule runner and the rule scheduler's timers, for tests. */
  rules?: SessionOptions['rules'];
};

/** The running core. `context`, `duty`, `outbox` and `demo` are the current ones: a restore replaces them. */
export type Core = {
  readonly context: CoreContext;
  readonly duty: DutyService;
  readonly outbox: OutboxWorker;
  readonly demo: DemoWorkspace;
  /** Every real account's sync: held while the computer sleeps or is offline. */
  readonly sync: SyncEngine;
  /** Real accounts: the team's leases reconnect one whose secrets came from the hub. */
  readonly accounts: AccountsService;
  /** In a team, the leases this desktop holds decide which accounts it polls and sends for (teamHub/leases). */
  readonly accountGate: SwitchableAccountGate;
  /** The open database's integrity check and the write gate it holds. */
  readonly health: DatabaseHealth;
  /** Time and shift triggers (rules/ruleScheduler.ts). */
  readonly ruleScheduler: RuleScheduler;
  /** This desktop's team workspace (teamHub/teamHubService.ts). */
  readonly teamHub: TeamHub;
  server: ApiServer;
  events: EventBus;
  /** Backups, restore and export; null for a database in memory. */
  data: DataService | null;
  log: Logger;
  /** Tokens and app passwords, opened on first use (a keychain may ask the person); retried after a failure. */
  secrets(): Promise<EncryptedFileSecretStore>;
  close(): void;
};

export const DATABASE_FILE = 'pieuvre.db';

/**
 * The composition root: the one place the core's parts are built and wired together. What
 * stands on the open database is a session (coreSession.ts); a restore closes it, swaps the
 * file and opens a new one, while the API server, its connections and the event bus stay.
 */
export function createCore(options: CoreOptions): Core {
  const isInMemory = options.dataDir === ':memory:';
  if (!isInMemory) makePrivateDir(options.dataDir);
  const releaseLock = options.lockAs && !isInMemory ? lockDataFolder(options.dataDir, options.lockAs) : () => {};
  const databasePath = isInMemory ? ':memory:' : join(options.dataDir, DATABASE_FILE);
  const log = options.log ?? (isInMemory ? stderrLogger() : openLogFile(options.dataDir));
  const onInternalError = (error: unknown, where: string) => {
    log.error(`${where} failed unexpectedly.`, { err: error });
    options.onInternalError?.(error);
  };
  const clock = options.clock ?? systemClock;
  const events = createEventBus((error, event) => log.error('A listener of an event failed; the others heard it.', { event, err: error }));
  let secrets: Promise<EncryptedFileSecretStore> | undefined;
  const openSecrets = () => {
    if (options.dataDir === ':memory:') return Promise.reject(new Error('A core without a data folder keeps no secrets.'));
    return EncryptedFileSecretStore.open(options.dataDir, options.keyProviders ?? keyProvidersFor(options.dataDir));
  };
  const secretStore = () =>
    (secrets ??= openSecrets().catch((error: unknown) => {
      secrets = undefined;
      throw error;
    }));
  // One gate for the core's life: a restore's new session follows the same leases.
  const sessionOptions = { ...options, accountGate: options.accountGate ?? new SwitchableAccountGate(), clock, log, onInternalError, secrets: secretStore, platforms: options.platforms ?? realPlatforms({ secrets: secretStore, now: clock, apps: (platform) => new PlatformApps(session.context.db, secretStore, clock).credentials(platform), origins: platformOriginsFrom(process.env) }) };
  let session: CoreSession;
  try {
    session = openCoreSession(databasePath, events, sessionOptions);
  } catch (error) {
    releaseLock();
    throw error;
  }

  // Kept across swaps: putting the data back after a failed restore swaps from a closed session.
  let wasDemoRunning = false;
  const swapDatabase = (replace: () => void, { prepare, isKnownGood = true }: SwapOptions = {}) => {
    const heldSync = session.sync.heldReason();
    if (session.context.db.open) {
      wasDemoRunning = session.demo.status().isRunning;
      session.close();
    }
    replace();
    // What goes in is known good, unless said otherwise: a backup checked whole before the swap, or our own fresh one.
    session = openCoreSession(databasePath, events, { ...sessionOptions, isKnownGood }, prepare);
    // The server looks handlers up per request: the new session answers from the next one on.
    Object.assign(handlers, session.handlers);
    if (heldSync) session.sync.hold(heldSync);
    if (wasDemoRunning && isDemoWanted(session.context.db)) session.demo.start();
  };
  const data = isInMemory ? null : new DataService({ dataDir: options.dataDir, databasePath, clock, events, db: () => session.context.db, isDamaged: () => session.health.status().state === 'damaged', swapDatabase });
  const handlers: Handlers = { ...session.handlers, ...dataHandlers(data) };
  // The gate is the current session's: a restore brings a new database and a new check.
  const writeGate: WriteGate = { isRefusedWrite: (error) => session.health.isRefusedWrite(error), settle: () => session.health.settle() };
  const server = createApiServer(handlers, (error, method) => onInternalError(error, method), writeGate);
  const stopMaintenance = startDailyMaintenance({
    clock,
    db: () => session.context.db,
    health: () => session.health,
    data,
    onError: (error) => onInternalError(error, 'Daily maintenance'),
  });
  return {
    get context() {
      return session.context;
    },
    get duty() {
      return session.duty;
    },
    get outbox() {
      return session.outbox;
    },
    get demo() {
      return session.demo;
    },
    get sync() {
      return session.sync;
    },
    get accounts() {
      return session.accounts;
    },
    get accountGate() {
      return session.accountGate;
    },
    get health() {
      return session.health;
    },
    get ruleScheduler() {
      return session.ruleScheduler;
    },
    get teamHub() {
      return session.teamHub;
    },
    server,
    events,
    data,
    log,
    secrets: secretStore,
    close() {
      stopMaintenance();
      session.close();
      sessionOptions.platforms.signIns.mastodon?.close();
      sessionOptions.platforms.signIns.oauth?.close();
      releaseLock();
      // Flushed in the background (it never rejects): whoever must wait for the last lines awaits `log.close()` too.
      void log.close();
    },
  };
}
