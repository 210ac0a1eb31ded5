import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createApiServer, type ApiServer } from './api/apiServer';
import { appHandlers } from './api/handlers/appHandlers';
import { conversationsHandlers } from './api/handlers/conversationsHandlers';
import { accountsHandlers } from './api/handlers/accountsHandlers';
import { demoHandlers } from './api/handlers/demoHandlers';
import { messagesHandlers } from './api/handlers/messagesHandlers';
import { viewsHandlers } from './api/handlers/viewsHandlers';
import { dutyHandlers } from './api/handlers/dutyHandlers';
import { moderationHandlers } from './api/handlers/moderationHandlers';
import { outboxHandlers } from './api/handlers/outboxHandlers';
import { repliesHandlers } from './api/handlers/repliesHandlers';
import { businessHoursHandlers, teamHandlers } from './api/handlers/teamHandlers';
import { digestHandlers } from './api/handlers/digestHandlers';
import { wellbeingHandlers } from './api/handlers/wellbeingHandlers';
import { templatesHandlers } from './api/handlers/templatesHandlers';
import { awayRepliesHandlers } from './api/handlers/awayRepliesHandlers';
import { createAwayReplies } from './awayReplies/awayReplies';
import { systemClock, type Clock } from './clock';
import { ConnectorRegistry } from './connectors/connectorRegistry';
import type { CoreContext } from './coreContext';
import { DEFAULT_DEMO_SETTINGS, DemoWorkspace, type DemoSettings } from './demo/demoWorkspace';
import { createEventBus, type EventBus } from './events';
import { createIngest } from './ingest/ingest';
import { ModerationService } from './moderation/moderationService';
import { decideNewMessagesNotice } from './notifications/notificationGate';
import { DutyService } from './duty/dutyService';
import { OutboxService } from './outbox/outboxService';
import { OutboxWorker, type OutboxWorkerOptions } from './outbox/outboxWorker';
import { TeamService } from './team/teamService';
import { TemplateService } from './templates/templateService';
import { createCrisisTriage } from './urgent/crisisTriage';
import { escalate } from './urgent/escalate';
import { wakeSnoozed } from './store/conversationMutations';
import { openDatabase } from './store/database';
import { WellbeingService } from './wellbeing/wellbeingService';
import { EncryptedFileSecretStore } from './secrets/encryptedFileSecretStore';
import type { KeyProvider } from './secrets/keyProvider';
import { keyProvidersFor } from './secrets/keyProviders';

export type CoreOptions = {
  /** Folder holding `pieuvre.db`; `:memory:` for a database that lives only as long as the core. */
  dataDir: string;
  clock?: Clock;
  demo?: Partial<DemoSettings>;
  outbox?: OutboxWorkerOptions;
  /** Where the secrets' key may be kept, best first; by default the system keyring, then a key file. */
  keyProviders?: readonly KeyProvider[];
  onInternalError?: (error: unknown) => void;
};

export type Core = {
  context: CoreContext;
  duty: DutyService;
  outbox: OutboxWorker;
  server: ApiServer;
  events: EventBus;
  demo: DemoWorkspace;
  /** Tokens and app passwords, opened on first use (a keychain may ask the person); retried after a failure. */
  secrets(): Promise<EncryptedFileSecretStore>;
  close(): void;
};

const SNOOZE_CHECK_MS = 30_000;
export const DATABASE_FILE = 'pieuvre.db';

/** The composition root: the one place the core's parts are built and wired together. */
export function createCore(options: CoreOptions): Core {
  if (options.dataDir !== ':memory:') mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(options.dataDir === ':memory:' ? ':memory:' : join(options.dataDir, DATABASE_FILE));
  const clock = options.clock ?? systemClock;
  const events = createEventBus();
  const crisis = createCrisisTriage(clock);
  const ingest = createIngest(db, {
    clock,
    triage: crisis.hook,
    onChanged: (conversationIds) => events.emit('inbox.changed', { conversationIds: [...conversationIds], everything: false }),
    onStored: (messages) => {
      const notice = decideNewMessagesNotice(messages, duty.recipient());
      if (notice) events.emit('notification.newMessages', notice);
      for (const { conversationId, reason, message } of crisis.takeNewlyUrgent()) {
        escalate(context, duty, { conversationId, reason, author: message.item.author.name || message.item.author.handle, snippet: message.item.text.slice(0, 140) });
      }
      answerAway(messages);
    },
  });
  const context: CoreContext = { db, clock, events, connectors: new ConnectorRegistry(), ingest };
  const duty = new DutyService(context);
  duty.arm();
  const demo = new DemoWorkspace(context, { ...DEFAULT_DEMO_SETTINGS, ...options.demo });
  const outbox = new OutboxWorker(context, { onError: options.onInternalError, ...options.outbox });
  outbox.start();
  context.connectors.onRegister(() => outbox.kick());
  const wellbeing = new WellbeingService(context);
  const outboxService = new OutboxService(context, outbox);
  const templates = new TemplateService(context);
  const answerAway = createAwayReplies(context, templates, (conversationIds) => {
    events.emit('outbox.changed', { conversationIds });
    outbox.kick();
  });
  const server = createApiServer(
    {
      ...appHandlers(context),
      ...conversationsHandlers(context, duty),
      ...messagesHandlers(context),
      ...accountsHandlers(context),
      ...demoHandlers(demo),
      ...viewsHandlers(context),
      ...dutyHandlers(duty),
      ...outboxHandlers(outboxService),
      ...moderationHandlers(new ModerationService(context, outboxService, outbox)),
      ...repliesHandlers(context),
      ...teamHandlers(new TeamService(context, duty)),
      ...businessHoursHandlers(context),
      ...digestHandlers(context),
      ...wellbeingHandlers(wellbeing),
      ...templatesHandlers(templates),
      ...awayRepliesHandlers(context),
    },
    options.onInternalError,
  );
  const snoozeTimer = setInterval(() => {
    const woken = wakeSnoozed(db, clock());
    if (woken.length > 0) events.emit('inbox.changed', { conversationIds: woken, everything: false });
  }, SNOOZE_CHECK_MS);
  snoozeTimer.unref();
  let secrets: Promise<EncryptedFileSecretStore> | undefined;
  const openSecrets = () => {
    if (options.dataDir === ':memory:') return Promise.reject(new Error('A core without a data folder keeps no secrets.'));
    return EncryptedFileSecretStore.open(options.dataDir, options.keyProviders ?? keyProvidersFor(options.dataDir));
  };
  return {
    context,
    duty,
    outbox,
    server,
    events,
    demo,
    secrets: () =>
      (secrets ??= openSecrets().catch((error: unknown) => {
        secrets = undefined;
        throw error;
      })),
    close() {
      clearInterval(snoozeTimer);
      outbox.stop();
      duty.stop();
      demo.stop();
      db.close();
    },
  };
}
