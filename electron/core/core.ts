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
import { openLogFile } from './log/logFile';
import { stderrLogger, type Logger } from './log/logger';
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
import { startLoop } from './timers/loop';
import { openDatabase } from './store/database';
import { WellbeingService } from './wellbeing/wellbeingService';

export type CoreOptions = {
  /** Folder holding `pieuvre.db`; `:memory:` for a database that lives only as long as the core. */
  dataDir: string;
  clock?: Clock;
  demo?: Partial<DemoSettings>;
  outbox?: OutboxWorkerOptions;
  /** Where the core logs, closed with it; by default `logs/pieuvre.log` in the data folder (stderr for `:memory:`). */
  log?: Logger;
  /** Told of every unexpected failure, after it is logged (tests make these fail loudly). */
  onInternalError?: (error: unknown) => void;
};

export type Core = {
  context: CoreContext;
  duty: DutyService;
  outbox: OutboxWorker;
  server: ApiServer;
  events: EventBus;
  demo: DemoWorkspace;
  log: Logger;
  close(): void;
};

const SNOOZE_CHECK_MS = 30_000;
export const DATABASE_FILE = 'pieuvre.db';

/** The composition root: the one place the core's parts are built and wired together. */
export function createCore(options: CoreOptions): Core {
  if (options.dataDir !== ':memory:') mkdirSync(options.dataDir, { recursive: true });
  const log = options.log ?? (options.dataDir === ':memory:' ? stderrLogger() : openLogFile(options.dataDir));
  const onInternalError = (error: unknown, where: string) => {
    log.error(`${where} failed unexpectedly.`, { err: error });
    options.onInternalError?.(error);
  };
  const db = openDatabase(options.dataDir === ':memory:' ? ':memory:' : join(options.dataDir, DATABASE_FILE));
  const clock = options.clock ?? systemClock;
  const events = createEventBus((error, event) => log.error('A listener of an event failed; the others heard it.', { event, err: error }));
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
  const context: CoreContext = { db, clock, events, connectors: new ConnectorRegistry(), ingest, log };
  const duty = new DutyService(context);
  duty.arm();
  const demo = new DemoWorkspace(context, { ...DEFAULT_DEMO_SETTINGS, ...options.demo });
  const outbox = new OutboxWorker(context, { onError: (error) => onInternalError(error, 'An outbox run'), ...options.outbox });
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
    (error, method) => onInternalError(error, method),
  );
  const snoozeLoop = startLoop({
    name: 'Waking snoozed conversations',
    everyMs: SNOOZE_CHECK_MS,
    log,
    run: () => {
      const woken = wakeSnoozed(db, clock());
      if (woken.length > 0) events.emit('inbox.changed', { conversationIds: woken, everything: false });
    },
  });
  return {
    context,
    duty,
    outbox,
    server,
    events,
    demo,
    log,
    close() {
      snoozeLoop.stop();
      outbox.stop();
      duty.stop();
      demo.stop();
      db.close();
      // Flushed in the background (it never rejects): whoever must wait for the last lines awaits `log.close()` too.
      void log.close();
    },
  };
}
