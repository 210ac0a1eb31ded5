/**
 * What this desktop tells the team, as SQL over the local tables: for each synced table, the
 * change a row write makes. `$row` is the row (NEW, or OLD for a delete; an alias in a snapshot)
 * and `$old` the row before an update. Ids are the stable text ids, never local seqs: foreign
 * keys are translated here, inside the write's own transaction.
 *
 * Never synced: the wellbeing ledger, peeks, break data, drafts, unread counts, and anything of
 * a demo account. The list for people is in docs/TEAM_HUB.md.
 */
export type CaptureSpec = {
  /** Names the trigger: hub_capture_<name>. */
  name: string;
  table: string;
  event: 'INSERT' | 'DELETE' | { updateOf: readonly string[] };
  entity: string;
  entityId: string;
  field: string;
  value: string;
  op: 'set' | 'append';
  /** Rows that are never synced (demo data). */
  when?: string;
  /** Update triggers: only when the value really changed. */
  changed?: string;
  /** In a snapshot (captureSnapshot): which rows, in which order; absent = not in snapshots. */
  snapshot?: { when?: string; order: string };
};

/** A JSON column as JSON (not as a string holding JSON), NULL as null. */
const json = (column: string) => `json(coalesce(${column}, 'null'))`;
const accountIdOf = (seq: string) => `(SELECT id FROM main.accounts WHERE seq = ${seq})`;
const isRealAccount = (seq: string) => `(SELECT is_demo FROM main.accounts WHERE seq = ${seq}) = 0`;
const conversationIdOf = (seq: string) => `(SELECT id FROM main.conversations WHERE seq = ${seq})`;
const conversationIsReal = (seq: string) => `(SELECT a.is_demo FROM main.conversations c JOIN main.accounts a ON a.seq = c.account_seq WHERE c.seq = ${seq}) = 0`;
const contactOf = (seq: string) =>
  `(SELECT json_object('platform', platform, 'externalId', external_id, 'handle', handle, 'name', name, 'avatarUrl', avatar_url,
     'followerCount', follower_count, 'firstSeenAt', first_seen_at) FROM main.contacts WHERE seq = ${seq})`;
const postOf = (seq: string) =>
  `CASE WHEN ${seq} IS NULL THEN json('null') ELSE (SELECT json_object('externalId', external_id, 'text', text, 'permalink', permalink, 'createdAt', created_at)
     FROM main.posts WHERE seq = ${seq}) END`;
const personIdOf = (seq: string) => `(SELECT id FROM main.people WHERE seq = ${seq})`;

/**
 * One field of a table synced on its own: the last change in server order wins. A new row
 * travels whole in its creation change (which a desktop that has the row already ignores).
 */
function fieldSpec(table: string, entity: string, entityId: string, when: string | undefined, column: string, field: string, value: string): CaptureSpec {
  return {
    name: `${table}_${column}`,
    table,
    event: { updateOf: [column] },
    entity,
    entityId,
    field,
    value,
    op: 'set',
    changed: `$old.${column} IS NOT $row.${column}`,
    ...(when ? { when } : {}),
  };
}

const accountRow = `json_object('platform', $row.platform, 'externalId', $row.external_id, 'name', $row.name, 'handle', $row.handle, 'server', $row.server,
  'businessHours', ${json('$row.business_hours')}, 'isPaused', $row.is_paused, 'syncIntervalMs', $row.sync_interval_ms, 'monthlyBudget', $row.monthly_budget,
  'createdAt', $row.created_at)`;

const conversationRow = `json_object('accountId', ${accountIdOf('$row.account_seq')}, 'platform', $row.platform, 'kind', $row.kind,
  'threadExternalId', $row.thread_external_id, 'post', ${postOf('$row.post_seq')}, 'contact', json(${contactOf('$row.contact_seq')}),
  'lastMessageAt', $row.last_message_at, 'snippet', $row.snippet, 'createdAt', $row.created_at, 'status', $row.status, 'snoozeUntil', $row.snooze_until,
  'assigneeId', $row.assignee_id, 'priority', $row.priority, 'urgentAt', $row.urgent_at)`;

const messageRow = `json_object('conversationId', ${conversationIdOf('$row.conversation_seq')}, 'accountId', ${accountIdOf('$row.account_seq')},
  'externalId', $row.external_id, 'parentExternalId', $row.parent_external_id, 'direction', $row.direction, 'contact', json(${contactOf('$row.contact_seq')}),
  'authorLabel', $row.author_label, 'text', $row.text, 'createdAt', $row.created_at, 'receivedAt', $row.received_at, 'permalink', $row.permalink,
  'language', $row.language, 'hostility', $row.hostility, 'platformRef', ${json('$row.platform_ref')}, 'attachments', ${json('$row.attachments')},
  'editedAt', $row.edited_at, 'sentByKind', $row.sent_by_kind, 'sentByPersonId', ${personIdOf('$row.sent_by_person_seq')}, 'sentByName', $row.sent_by_name)`;

const messageState = `json_object('accountId', ${accountIdOf('$row.account_seq')}, 'externalId', $row.external_id, 'text', $row.text,
  'editedAt', $row.edited_at, 'isHidden', $row.is_hidden, 'isDeleted', $row.is_deleted, 'deletedAt', $row.deleted_at)`;
const messageChanged = '$old.text IS NOT $row.text OR $old.edited_at IS NOT $row.edited_at OR $old.is_hidden IS NOT $row.is_hidden OR $old.is_deleted IS NOT $row.is_deleted OR $old.deleted_at IS NOT $row.deleted_at';

/** Contacts are one per platform and platform id on every desktop; the team's word on them travels. */
const contactField = (column: string, field: string): CaptureSpec => ({
  ...fieldSpec('contacts', 'contact', "$row.platform || '/' || $row.external_id", undefined, column, field,
    `json_object('platform', $row.platform, 'externalId', $row.external_id, 'value', $row.${column})`),
});

const noteRow = `json_object('conversationId', ${conversationIdOf('$row.conversation_seq')}, 'authorId', $row.author_id, 'authorName', $row.author_name,
  'text', $row.text, 'kind', $row.kind, 'ruleName', $row.rule_name, 'mentions', json($row.mentions), 'createdAt', $row.created_at, 'updatedAt', $row.updated_at)`;

const activityRow = `json_object('at', $row.at, 'actor', $row.actor, 'action', $row.action, 'subjectType', $row.subject_type, 'subjectId', $row.subject_id,
  'data', json($row.data))`;

const personRow = `json_object('name', $row.name, 'schedule', ${json('$row.schedule')}, 'acceptsUrgentOffDuty', $row.accepts_urgent_off_duty,
  'isOnCall', $row.is_on_call, 'avatarUrl', $row.avatar_url, 'createdAt', $row.created_at)`;

const ruleDefinition = `json_object('triggerType', $row.trigger_type, 'definition', json($row.definition), 'version', $row.version)`;
const ruleRow = `json_object('builtIn', $row.built_in, 'name', $row.name, 'position', $row.position, 'isEnabled', $row.is_enabled,
  'definition', json(${ruleDefinition}), 'createdAt', $row.created_at)`;

const variantsOf = (templateSeq: string) =>
  `(SELECT json_group_array(json_object('language', language, 'platform', platform, 'body', body, 'position', position))
     FROM (SELECT * FROM main.template_variants WHERE template_seq = ${templateSeq} ORDER BY position, language, platform))`;
const templateRow = `json_object('name', $row.name, 'shortcut', $row.shortcut, 'folder', $row.folder, 'tags', json($row.tags),
  'variants', json(${variantsOf('$row.seq')}), 'createdAt', $row.created_at)`;
const templateOfVariant = '(SELECT id FROM main.templates WHERE seq = $row.template_seq)';

const outboxState = `json_object('state', $row.state, 'attempts', $row.attempts, 'lastError', $row.last_error, 'sentExternalId', $row.sent_external_id,
  'sentAt', $row.sent_at, 'mayHaveReached', $row.may_have_reached, 'heldReason', $row.held_reason)`;

const outboxRow = `json_object('conversationId', ${conversationIdOf('$row.conversation_seq')}, 'idempotencyKey', $row.idempotency_key, 'kind', $row.kind,
  'inReplyToExternalId', $row.in_reply_to_external_id, 'text', $row.text, 'payload', json($row.payload), 'notBefore', $row.not_before,
  'scheduledFor', $row.scheduled_for, 'queuedByPersonId', ${personIdOf('$row.queued_by_person_seq')}, 'createdAt', $row.created_at,
  'state', json(${outboxState}))`;

/** Built-in rules exist on every desktop under its own id: they are named by what they are. */
const ruleId = `CASE WHEN $row.built_in IS NULL THEN $row.id ELSE 'built-in:' || $row.built_in END`;
const ruleIdOfVersion = `(SELECT ${ruleId.replaceAll('$row.', '')} FROM main.rules WHERE seq = $row.rule_seq)`;
const ruleVersionRow = `json_object('ruleId', ${ruleIdOfVersion}, 'version', $row.version, 'definition', json($row.definition), 'savedAt', $row.saved_at)`;

const tagLink = (isPresent: boolean) =>
  `json_object('conversationId', ${conversationIdOf('$row.conversation_seq')}, 'tag', (SELECT name FROM main.tags WHERE seq = $row.tag_seq), 'isPresent', json(${isPresent ? "'true'" : "'false'"}))`;
const tagLinkId = `${conversationIdOf('$row.conversation_seq')} || '/' || lower((SELECT name FROM main.tags WHERE seq = $row.tag_seq))`;

/** Duty overrides have no id of their own: one is its person, kind and period. */
const dutyKey = (row: string) => `${personIdOf(`${row}.person_seq`)} || '/' || ${row}.kind || '/' || ${row}.starts_at || '/' || ${row}.ends_at`;
const dutyOverride = (row: string, isPresent: boolean) =>
  `json_object('personId', ${personIdOf(`${row}.person_seq`)}, 'kind', ${row}.kind, 'startsAt', ${row}.starts_at, 'endsAt', ${row}.ends_at, 'isPresent', json('${isPresent}'))`;
const dutyMoved = { updateOf: ['kind', 'starts_at', 'ends_at'] } as const;
const dutyChanged = '$old.kind IS NOT $row.kind OR $old.starts_at IS NOT $row.starts_at OR $old.ends_at IS NOT $row.ends_at';

/** The on-call rota is one per team: read whole, whichever of its rows changed. */
const rotaNow = `(SELECT json_object('isActive', r.is_active, 'startsOn', r.starts_on, 'weekday', r.handover_weekday, 'time', r.handover_time,
  'timeZone', r.time_zone, 'personIds', json((SELECT json_group_array(id) FROM (SELECT p.id FROM main.on_call_rota_members m
  JOIN main.people p ON p.seq = m.person_seq ORDER BY m.position)))) FROM main.on_call_rota r WHERE r.seq = 1)`;
const rotaSpec = (table: string, event: CaptureSpec['event'], name: string): CaptureSpec => ({
  name, table, event, entity: 'onCallRota', entityId: "'team'", field: 'rota', value: rotaNow, op: 'set', when: 'EXISTS (SELECT 1 FROM main.on_call_rota WHERE seq = 1)',
});

const realConversation = isRealAccount('$row.account_seq');
const isRealActivity = `$row.actor <> 'demo' AND NOT EXISTS (SELECT 1 FROM main.conversations c JOIN main.accounts a ON a.seq = c.account_seq
  WHERE c.id = $row.subject_id AND a.is_demo = 1)`;
const conversationField = (column: string, field: string) => fieldSpec('conversations', 'conversation', '$row.id', realConversation, column, field, `json_quote($row.${column})`);
const personField = (column: string, field: string, value: string) => fieldSpec('people', 'person', '$row.id', undefined, column, field, value);
const ruleField = (column: string, field: string, value: string) => fieldSpec('rules', 'rule', ruleId, undefined, column, field, value);
const templateField = (column: string, field: string, value: string) => fieldSpec('templates', 'template', '$row.id', undefined, column, field, value);
const created = (table: string, entity: string, entityId: string, value: string, when?: string, order = '$row.seq'): CaptureSpec => ({
  name: `${table}_new`,
  table,
  event: 'INSERT',
  entity,
  entityId,
  field: 'created',
  value,
  op: 'set',
  snapshot: when ? { when, order } : { order },
  ...(when ? { when } : {}),
});

export const CAPTURE_SPECS: readonly CaptureSpec[] = [
  // Accounts first: everything else names one.
  created('accounts', 'account', '$row.id', accountRow, '$row.is_demo = 0'),
  {
    name: 'accounts_edit', table: 'accounts', event: { updateOf: ['name', 'handle', 'server', 'business_hours', 'is_paused', 'sync_interval_ms', 'monthly_budget'] },
    entity: 'account', entityId: '$row.id', field: 'settings', value: accountRow, op: 'set', when: '$row.is_demo = 0',
    changed: '$old.name IS NOT $row.name OR $old.handle IS NOT $row.handle OR $old.server IS NOT $row.server OR $old.business_hours IS NOT $row.business_hours OR $old.is_paused IS NOT $row.is_paused OR $old.sync_interval_ms IS NOT $row.sync_interval_ms OR $old.monthly_budget IS NOT $row.monthly_budget',
  },
  // People (teammates): is_me and personal settings stay on their desktop.
  created('people', 'person', '$row.id', personRow),
  personField('name', 'name', 'json_quote($row.name)'),
  personField('schedule', 'schedule', json('$row.schedule')),
  personField('accepts_urgent_off_duty', 'acceptsUrgentOffDuty', 'json_quote($row.accepts_urgent_off_duty)'),
  personField('is_on_call', 'isOnCall', 'json_quote($row.is_on_call)'),
  personField('avatar_url', 'avatarUrl', 'json_quote($row.avatar_url)'),
  // Duty overrides (time off, extra shifts): on or off by what they are; a moved one is one off and one on.
  { ...created('duty_overrides', 'dutyOverride', dutyKey('$row'), dutyOverride('$row', true)), name: 'duty_on', field: 'isPresent' },
  { name: 'duty_off', table: 'duty_overrides', event: 'DELETE', entity: 'dutyOverride', entityId: dutyKey('$row'), field: 'isPresent', value: dutyOverride('$row', false), op: 'set' },
  { name: 'duty_moved_off', table: 'duty_overrides', event: dutyMoved, entity: 'dutyOverride', entityId: dutyKey('$old'), field: 'isPresent', value: dutyOverride('$old', false), op: 'set', changed: dutyChanged },
  { name: 'duty_moved_on', table: 'duty_overrides', event: dutyMoved, entity: 'dutyOverride', entityId: dutyKey('$row'), field: 'isPresent', value: dutyOverride('$row', true), op: 'set', changed: dutyChanged },
  { ...rotaSpec('on_call_rota', 'INSERT', 'rota_new'), snapshot: { order: '$row.seq' } },
  rotaSpec('on_call_rota', { updateOf: ['is_active', 'starts_on', 'handover_weekday', 'handover_time', 'time_zone'] }, 'rota_edit'),
  rotaSpec('on_call_rota_members', 'INSERT', 'rota_member_in'),
  rotaSpec('on_call_rota_members', 'DELETE', 'rota_member_out'),
  // Conversations: created once (resolved on their account and thread when applied), then field by field.
  created('conversations', 'conversation', '$row.id', conversationRow, realConversation),
  conversationField('status', 'status'),
  conversationField('snooze_until', 'snoozeUntil'),
  // Who assigned goes along (this desktop's person): two assignments within a minute are told to both people.
  { ...conversationField('assignee_id', 'assignee'), value: "json_object('personId', $row.assignee_id, 'by', (SELECT name FROM main.people WHERE is_me = 1))" },
  conversationField('priority', 'priority'),
  conversationField('urgent_at', 'urgentAt'),
  { ...created('messages', 'message', `${accountIdOf('$row.account_seq')} || '/' || $row.external_id`, messageRow, isRealAccount('$row.account_seq')), op: 'append' },
  {
    name: 'messages_state', table: 'messages', event: { updateOf: ['text', 'edited_at', 'is_hidden', 'is_deleted', 'deleted_at'] }, entity: 'message',
    entityId: `${accountIdOf('$row.account_seq')} || '/' || $row.external_id`, field: 'state', value: messageState, op: 'set', when: isRealAccount('$row.account_seq'), changed: messageChanged,
  },
  contactField('is_vip', 'isVip'),
  contactField('blocked_at', 'blockedAt'),
  contactField('muted_at', 'mutedAt'),
  { ...created('conversation_tags', 'conversationTag', tagLinkId, tagLink(true), conversationIsReal('$row.conversation_seq'), '$row.conversation_seq'), name: 'tags_on', field: 'isPresent' },
  { name: 'tags_off', table: 'conversation_tags', event: 'DELETE', entity: 'conversationTag', entityId: tagLinkId, field: 'isPresent', value: tagLink(false), op: 'set', when: conversationIsReal('$row.conversation_seq') },
  // Notes append, and their author may delete them (a deleted note stays deleted); history only ever appends.
  { ...created('notes', 'note', '$row.id', noteRow, conversationIsReal('$row.conversation_seq'), '$row.created_at, $row.id'), op: 'append' },
  { name: 'notes_gone', table: 'notes', event: 'DELETE', entity: 'note', entityId: '$row.id', field: 'deleted', value: "json('true')", op: 'set', when: conversationIsReal('$row.conversation_seq') },
  { ...created('activity', 'activity', '$row.id', activityRow, isRealActivity, '$row.at, $row.id'), op: 'append' },
  // Rules: a definition is one value (its trigger and version go with it).
  created('rules', 'rule', ruleId, ruleRow),
  ruleField('name', 'name', 'json_quote($row.name)'),
  ruleField('position', 'position', 'json_quote($row.position)'),
  ruleField('is_enabled', 'isEnabled', 'json_quote($row.is_enabled)'),
  { ...ruleField('definition', 'definition', ruleDefinition), event: { updateOf: ['trigger_type', 'definition', 'version'] }, changed: '$old.version IS NOT $row.version OR $old.definition IS NOT $row.definition' },
  { name: 'rules_gone', table: 'rules', event: 'DELETE', entity: 'rule', entityId: ruleId, field: 'deleted', value: "json('true')", op: 'set' },
  // A rule's history: each saved version once, after its rule (two desktops saving the same version apart: the later wins, as for the definition).
  { ...created('rule_versions', 'ruleVersion', `${ruleIdOfVersion} || '/' || $row.version`, ruleVersionRow, undefined, '$row.rule_seq, $row.version'), field: 'saved' },
  // Templates: their variants travel whole.
  created('templates', 'template', '$row.id', templateRow),
  templateField('name', 'name', 'json_quote($row.name)'),
  templateField('shortcut', 'shortcut', 'json_quote($row.shortcut)'),
  templateField('folder', 'folder', 'json_quote($row.folder)'),
  templateField('tags', 'tags', 'json($row.tags)'),
  ...(['INSERT', 'DELETE', { updateOf: ['body', 'position'] }] as const).map((event, index): CaptureSpec => ({
    name: `template_variants_${index}`, table: 'template_variants', event, entity: 'template', entityId: templateOfVariant, field: 'variants',
    value: variantsOf('$row.template_seq'), op: 'set', when: `${templateOfVariant} IS NOT NULL`,
  })),
  { name: 'templates_gone', table: 'templates', event: 'DELETE', entity: 'template', entityId: '$row.id', field: 'deleted', value: "json('true')", op: 'set' },
  // Replies: queued anywhere, sent by the account's lease holder; their state moves on as it does.
  created('outbox', 'outbox', '$row.id', outboxRow, conversationIsReal('$row.conversation_seq')),
  {
    name: 'outbox_state', table: 'outbox', event: { updateOf: ['state', 'attempts', 'last_error', 'sent_external_id', 'sent_at', 'may_have_reached', 'held_reason'] },
    entity: 'outbox', entityId: '$row.id', field: 'state', value: outboxState, op: 'set', when: conversationIsReal('$row.conversation_seq'),
    changed: '$old.state IS NOT $row.state OR $old.sent_external_id IS NOT $row.sent_external_id OR $old.last_error IS NOT $row.last_error OR $old.held_reason IS NOT $row.held_reason',
  },
];
