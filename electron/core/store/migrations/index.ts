import type { Migration } from '../migrate';
import { initial } from './0001-initial';
import { savedViews } from './0002-saved-views';
import { peopleAndDuty } from './0003-people-and-duty';
import { hostility } from './0004-hostility';
import { urgent } from './0005-urgent';
import { outbox } from './0006-outbox';
import { team } from './0007-team';
import { digest } from './0008-digest';
import { ledger } from './0009-ledger';
import { templates } from './0010-templates';
import { awayReplies } from './0011-away-replies';
import { outboxDelivery } from './0012-outbox-delivery';
import { rejectedPayloadLimit } from './0013-rejected-payload-limit';
import { meAndAssignment } from './0014-me-and-assignment';
import { realAccounts } from './0015-real-accounts';
import { outboxHandedOver } from './0016-outbox-handed-over';
import { drafts } from './0017-drafts';
import { sentBy } from './0018-sent-by';
import { rules } from './0019-rules';
import { builtInRules } from './0020-built-in-rules';
import { platformAppsAndUsage } from './0021-platform-apps-and-usage';
import { hubMembership } from './0022-hub-membership';
import { hubSync } from './0023-hub-sync';
import { conversationHistoryBySeq } from './0024-conversation-history-by-seq';
import { hubSignIns } from './0025-hub-sign-ins';

/** Every schema version in order. Append only. */
export const MIGRATIONS: readonly Migration[] = [initial, savedViews, peopleAndDuty, hostility, urgent, outbox, team, digest, ledger, templates, awayReplies, outboxDelivery, rejectedPayloadLimit, meAndAssignment, realAccounts, outboxHandedOver, drafts, sentBy, rules, builtInRules, platformAppsAndUsage, hubMembership, hubSync, conversationHistoryBySeq, hubSignIns];
