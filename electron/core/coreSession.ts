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
import { sensitiveTopicsHandlers } from './api/handlers/sensitiveTopicsHandlers';
import { SensitiveTopicsService } from './sensitiveTopics/sensitiveTopicsService';
import { notesHandlers } from './api/handlers/notesHandlers';
import { hubHandlers } from './api/handlers/hubHandlers';
import { createTeamHub } from './teamHub/teamHubService';
import { realTeamParts } from './teamHub/realParts';
import type { TeamHub } from './teamHub/teamHub';
import { personInputSchema } from '../../shared/api/team';
import { NoteService } from './notes/noteService';
import { deliverDueNotices } from './notices/noticeDelivery';
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
import { RuleScheduler } from './rules/ruleScheduler';
import type { SyncTimers } from './sync/syncTimers';
import { createAfterTriage } from './rules/afterTriage';
import type { RuleRunner, RuleRunResult } from './rules/ruleEvents';
import { conversationSeqsOf } from './rules/ruleRunResults';
import { getConversation } from './store/conversationQueries';
import { SwitchableAccountGate } from './teamHub/leases/accountGate';

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
  sync?: Omit<SyncEngineOptions, 'onChanged' | 'gate'>;
  /** Which accounts this desktop polls and sends for; every one until the team hub says otherwise. */
  accountGate?: SwitchableAccountGate;
  /** Tests record what rules are asked to run, and drive the rule scheduler's timer. */
  rules?: { runRules?: RuleRunner; timers?: SyncTimers };
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
  accounts: AccountsService;
  /** The team hub points it at the leases it holds; the sync engine and outbox follow it. */
  accountGate: SwitchableAccountGate;
  health: DatabaseHealth;
  /** Time and shift triggers: told when rules change, woken after the computer slept. */
  ruleScheduler: RuleScheduler;
  /** This desktop's team workspace, when it is in one. */
  teamHub: TeamHub;
  handlers: SessionHandlers;
  close(): void;
};

const SNOOZE_CHECK_MS = 30_000;
/** A notice due at a shift's start reaches the person within this. */
const NOTICE_CHECK_MS = 30_000;

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
  // The one rule engine: ingest's triage hook here; conversation changes, timers and shifts raise their events to it too.
  const connectors = new ConnectorRegistry();
  const runRules: RuleRunner = options.rules?.runRules ?? createRuleRunner(localSpamScorer, connectors);
  const rules = createRulesTriage(clock, runRules, (error) => options.onInternalError(error, 'The triage rules'));
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
      ruleScheduler.conversationsChanged([...new Set(messages.map((message) => message.conversationSeq))]);
    },
  });
  const context: CoreContext = { db, clock, events, connectors, ingest, log: options.log };
  const duty = new DutyService(context);
  duty.arm();
  /** After a rule run committed: escalate what it made urgent, send what it queued. */
  const afterRules = (result: RuleRunResult) => {
    for (const { conversationId, reason } of result.newlyUrgent) {
      const conversation = getConversation(db, conversationId);
      escalate(context, duty, { conversationId, reason, author: conversation.contact.name || conversation.contact.handle, snippet: conversation.snippet });
    }
    if (result.queuedSends > 0) outbox.kick();
  };
  const ruleScheduler = new RuleScheduler({ db, clock, events, log: options.log, runRules, afterRun: afterRules, isWritable: () => health.status().state === 'ok', timers: options.rules?.timers });
  health.onceWritable(() => ruleScheduler.start());
  const demo = new DemoWorkspace(context, { ...DEFAULT_DEMO_SETTINGS, ...options.demo });
  const accountGate = options.accountGate ?? new SwitchableAccountGate();
  const outbox = new OutboxWorker(context, {
    onError: (error) => options.onInternalError(error, 'An outbox run'),
    ...options.outbox,
    gate: accountGate,
    onSent: (send, at) => {
      options.outbox?.onSent?.(send, at);
      // Only now is it known who sent it: an away reply leaves the wait running, a person's answer ends it.
      ruleScheduler.conversationsChanged(conversationSeqsOf(db, [send.conversationId]));
    },
  });
  const sync = new SyncEngine(context, { ...options.sync, gate: accountGate, onChanged: (accountId) => events.emit('accounts.changed', { accountIds: [accountId] }) });
  const stopFollowingGate = accountGate.onChange(() => {
    sync.gateChanged();
    outbox.gateChanged();
  });
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
  const afterTriage = createAfterTriage({ db, clock, runRules, onTimersChanged: () => ruleScheduler.arm(), afterRun: afterRules });
  const notes = new NoteService(context, duty);
  const team = new TeamService(context, duty);
  const teamHub = createTeamHub(context, { secrets: options.secrets, parts: realTeamParts({ log: options.log, gate: accountGate, accounts }), addPerson: (name) => team.add(personInputSchema.parse({ name, schedule: null })) }, health.whenWritable());
  const handlers: SessionHandlers = {
    ...appHandlers(context),
    ...databaseHandlers(health),
    ...conversationsHandlers(context, duty, afterTriage, notes),
    ...messagesHandlers(context),
    ...accountsHandlers(context, accounts),
    ...demoHandlers(demo),
    ...viewsHandlers(context),
    ...dutyHandlers(duty),
    ...outboxHandlers(outboxService),
    ...draftsHandlers(context),
    ...moderationHandlers(new ModerationService(context, outboxService, outbox)),
    ...repliesHandlers(context),
    ...teamHandlers(team),
    ...businessHoursHandlers(context, () => ruleScheduler.businessHoursChanged()),
    ...digestHandlers(context),
    ...wellbeingHandlers(wellbeing),
    ...templatesHandlers(templates),
    ...awayRepliesHandlers(context),
    ...rejectedHandlers(context),
    ...dataSettingsHandlers(context),
    ...rulesHandlers(new RuleService(context, localSpamScorer), (ruleIds) => ruleScheduler.rulesChanged(ruleIds)),
    ...sensitiveTopicsHandlers(new SensitiveTopicsService(context)),
    ...notesHandlers(notes),
    ...hubHandlers(teamHub),
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
  const noticeLoop = startLoop({
    name: 'Delivering notices',
    everyMs: NOTICE_CHECK_MS,
    log: options.log,
    run: () => {
      if (health.status().state === 'ok') deliverDueNotices(context, duty);
    },
  });
  return {
    context,
    duty,
    outbox,
    demo,
    sync,
    accounts,
    accountGate,
    health,
    ruleScheduler,
    teamHub,
    handlers,
    close() {
      // Already closed by a restore whose new database then failed to open.
      if (!db.open) return;
      health.close();
      // Its parts stop at once; the hub's connections end in the background.
      void teamHub.close();
      stopFollowingGate();
      snoozeLoop.stop();
      ruleScheduler.stop();
      noticeLoop.stop();
      outbox.stop();
      duty.stop();
      demo.stop();
      accounts.close();
      context.connectors.closeAll();
      db.close();
    },
  };
}
