import type { Handlers } from './api/apiServer';
import { appHandlers } from './api/handlers/appHandlers';
import { conversationsHandlers } from './api/handlers/conversationsHandlers';
import { accountsHandlers } from './api/handlers/accountsHandlers';
import { demoHandlers } from './api/handlers/demoHandlers';
import { messagesHandlers } from './api/handlers/messagesHandlers';
import { viewsHandlers } from './api/handlers/viewsHandlers';
import { dutyHandlers } from './api/handlers/dutyHandlers';
import { moderationHandlers } from './api/handlers/moderationHandlers';
import { outboxHandlers } from './api/handlers/outboxHandlers';
import { draftsHandlers } from './api/handlers/draftsHandlers';
import { repliesHandlers } from './api/handlers/repliesHandlers';
import { businessHoursHandlers, teamHandlers } from './api/handlers/teamHandlers';
import { digestHandlers } from './api/handlers/digestHandlers';
import { wellbeingHandlers } from './api/handlers/wellbeingHandlers';
import { templatesHandlers } from './api/handlers/templatesHandlers';
import { awayRepliesHandlers } from './api/handlers/awayRepliesHandlers';
import { dataSettingsHandlers, rejectedHandlers } from './api/handlers/rejectedHandlers';
import { rulesHandlers } from './api/handlers/rulesHandlers';
import { createAwayReplies } from './awayReplies/awayReplies';
import type { Clock } from './clock';
import { ConnectorRegistry } from './connectors/connectorRegistry';
import type { CoreContext } from './coreContext';
import { DEFAULT_DEMO_SETTINGS, DemoWorkspace, type DemoSettings } from './demo/demoWorkspace';
import type { EventBus } from './events';
import { createIngest } from './ingest/ingest';
import { ModerationService } from './moderation/moderationService';
import { decideNewMessagesNotice } from './notifications/notificationGate';
import { DutyService } from './duty/dutyService';
import { OutboxService } from './outbox/outboxService';
import { OutboxWorker, type OutboxWorkerOptions } from './outbox/outboxWorker';
import { TeamService } from './team/teamService';
import { TemplateService } from './templates/templateService';
import { RuleService } from './rules/ruleService';
import { actionsAsWritten } from './rules/dryRun';
import { createRuleRunner } from './rules/ruleRunner';
import { createRulesTriage } from './rules/rulesTriage';
import { localSpamScorer } from './rules/spamScorer';
import { escalate } from './urgent/escalate';
import { wakeSnoozed } from './store/conversationMutations';
import { openDatabaseWithStatus, type Db } from './store/database';
import { DatabaseHealth } from './health/databaseHealth';
import { databaseHandlers } from './api/handlers/databaseHandlers';
import { WellbeingService } from './wellbeing/wellbeingService';
import type { Logger } from './log/logger';
import { startLoop } from './timers/loop';
import { AccountsService } from './accounts/accountsService';
import type { AccountPlatforms } from './accounts/platforms';
import type { SecretStore } from './secrets/secretStore';
import { SyncEngine, type SyncEngineOptions } from './sync/syncEngine';

export type SessionOptions = {
  dataDir: string;
  clock: Clock;
  /** The file was just checked whole (a restore): no background check, writes at once. */
  isKnownGood?: boolean;
  demo?: Partial<DemoSettings>;
  outbox?: OutboxWorkerOptions;
  /** Each platform's connector factory and sign-in (accounts/platforms.ts). */
  platforms: AccountPlatforms;
  /** The secret store, opened on first use (core.secrets()). */
  secrets: () => Promise<SecretStore>;
  /** The sync engine's timers and randomness, for tests that drive time. */
  sync?: Omit<SyncEngineOptions, 'onChanged'>;
  log: Logger;
  /** Logs an unexpected failure of `where`, and tells whoever asked to know. */
  onInternalError: (error: unknown, where: string) => void;
};

/** The handlers that answer from the open database; the data handlers live above it, across restores. */
export type SessionHandlers = Omit<Handlers, `data.${'backups.list' | 'backupNow' | 'restore' | 'export'}`>;

/** Everything built on one open database: replaced whole when a restore swaps the file. */
export type CoreSession = {
  context: CoreContext;
  duty: DutyService;
  outbox: OutboxWorker;
  demo: DemoWorkspace;
  sync: SyncEngine;
  health: DatabaseHealth;
  handlers: SessionHandlers;
  close(): void;
};

const SNOOZE_CHECK_MS = 30_000;

/**
 * Opens the database and wires the core's services and handlers on it. `prepare` runs on the
 * open, migrated database before any service starts (a restore marks what must not go twice).
 */
export function openCoreSession(databasePath: string, events: EventBus, options: SessionOptions, prepare?: (db: Db) => void): CoreSession {
  const { db, isChecked } = openDatabaseWithStatus(databasePath);
  const isMemory = databasePath === ':memory:';
  const pathToCheck = isChecked || options.isKnownGood ? null : databasePath;
  const health = new DatabaseHealth(db, events, { dataDir: isMemory ? null : options.dataDir, pathToCheck });
  prepare?.(db);
  const { clock } = options;
  const rules = createRulesTriage(clock, createRuleRunner(localSpamScorer), (error) => options.onInternalError(error, 'The triage rules'));
  const ingest = createIngest(db, {
    clock,
    triage: rules.hook,
    onChanged: (conversationIds) => events.emit('inbox.changed', { conversationIds: [...conversationIds], everything: false }),
    onStored: (messages) => {
      const notice = decideNewMessagesNotice(messages, duty.recipient());
      if (notice) events.emit('notification.newMessages', notice);
      const { newlyUrgent, queuedSends } = rules.takeAfterCommit();
      for (const { conversationId, reason, message } of newlyUrgent) {
        escalate(context, duty, { conversationId, reason, author: message.item.author.name || message.item.author.handle, snippet: message.item.text.slice(0, 140) });
      }
      if (queuedSends > 0) outbox.kick();
      answerAway(messages);
    },
  });
  const context: CoreContext = { db, clock, events, connectors: new ConnectorRegistry(), ingest, log: options.log };
  const duty = new DutyService(context);
  duty.arm();
  const demo = new DemoWorkspace(context, { ...DEFAULT_DEMO_SETTINGS, ...options.demo });
  const outbox = new OutboxWorker(context, { onError: (error) => options.onInternalError(error, 'An outbox run'), ...options.outbox });
  const sync = new SyncEngine(context, { ...options.sync, onChanged: (accountId) => events.emit('accounts.changed', { accountIds: [accountId] }) });
  const accounts = new AccountsService(context, sync, options.platforms, options.secrets);
  // The core's own writers wait for the integrity check; the API answers from the start.
  health.onceWritable(() => outbox.start());
  accounts.start(health.whenWritable());
  context.connectors.onRegister(() => outbox.kick());
  const wellbeing = new WellbeingService(context);
  const outboxService = new OutboxService(context, outbox);
  const templates = new TemplateService(context);
  const answerAway = createAwayReplies(context, templates, (conversationIds) => {
    events.emit('outbox.changed', { conversationIds });
    outbox.kick();
  });
  const handlers: SessionHandlers = {
    ...appHandlers(context),
    ...databaseHandlers(health),
    ...conversationsHandlers(context, duty),
    ...messagesHandlers(context),
    ...accountsHandlers(context, accounts),
    ...demoHandlers(demo),
    ...viewsHandlers(context),
    ...dutyHandlers(duty),
    ...outboxHandlers(outboxService),
    ...draftsHandlers(context),
    ...moderationHandlers(new ModerationService(context, outboxService, outbox)),
    ...repliesHandlers(context),
    ...teamHandlers(new TeamService(context, duty)),
    ...businessHoursHandlers(context),
    ...digestHandlers(context),
    ...wellbeingHandlers(wellbeing),
    ...templatesHandlers(templates),
    ...awayRepliesHandlers(context),
    ...rejectedHandlers(context),
    ...dataSettingsHandlers(context),
    // The engine's spam scorer and action runners take over here once its branch is merged.
    ...rulesHandlers(new RuleService(context, { scoreSpam: () => 0, planActions: actionsAsWritten })),
  };
  const snoozeLoop = startLoop({
    name: 'Waking snoozed conversations',
    everyMs: SNOOZE_CHECK_MS,
    log: options.log,
    run: () => {
      if (health.status().state !== 'ok') return;
      const woken = wakeSnoozed(db, clock());
      if (woken.length > 0) events.emit('inbox.changed', { conversationIds: woken, everything: false });
    },
  });
  return {
    context,
    duty,
    outbox,
    demo,
    sync,
    health,
    handlers,
    close() {
      // Already closed by a restore whose new database then failed to open.
      if (!db.open) return;
      health.close();
      snoozeLoop.stop();
      outbox.stop();
      duty.stop();
      demo.stop();
      accounts.close();
      context.connectors.closeAll();
      db.close();
    },
  };
}
