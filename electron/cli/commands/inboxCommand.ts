import { z } from 'zod';
import { CONVERSATION_STATUSES } from '../../../shared/domain/entities';
import { t } from '../cliText';
import { checked } from '../commandLine';
import { personIdOf } from './assignCommand';
import { expectPositionals, type Command } from './command';

export const inboxCommand: Command = {
  usage: () => 'inbox [--status open|snoozed|done|spam] [--assigned-to me|NAME] [--limit N]',
  options: { status: { type: 'string' }, limit: { type: 'string' }, 'assigned-to': { type: 'string' } },
  async run(session, args) {
    expectPositionals(args, [], this.usage());
    const status = checked('--status', z.enum(CONVERSATION_STATUSES).optional(), args.values.status);
    const limit = checked('--limit', z.coerce.number().int().min(1).max(200).default(50), args.values.limit);
    const assignedTo = args.values['assigned-to'];
    // "me" is whoever uses this desktop, as the sidebar's "Assigned to me" (whatever their name).
    const assignee = typeof assignedTo !== 'string' ? {} : assignedTo === 'me' ? { assignedToMe: true as const } : { assigneeId: await personIdOf(session, assignedTo) };
    // The list is newest first already; each conversation's messages come from its detail.
    const page = await session.call('conversations.list', { ...(status ? { status } : {}), ...assignee, limit });
    const conversations = await Promise.all(
      page.items.map(async ({ id, platform, kind, status }) => {
        const detail = await session.call('conversations.get', { id });
        // isPrivateReply: the brand's private reply to a comment, sent to its author's inbox (Messenger, Instagram), not under it.
        const messages = detail.messages.map((m) => ({ externalId: m.externalId, direction: m.direction, authorHandle: m.author.handle, text: m.text, createdAt: m.createdAt, isPrivateReply: m.isPrivateReply }));
        return { id, platform, kind, status, assigneeId: detail.assigneeId, messages };
      }),
    );
    const lines = conversations.map((c) => {
      const last = c.messages.at(-1);
      return `${c.id}  ${c.platform}  ${c.kind}  ${c.status}  ${t('inbox.messages', { count: c.messages.length })}  ${last ? `${last.authorHandle}${last.isPrivateReply ? t('inbox.privateReply') : ''}: ${oneLine(last.text)}` : ''}`;
    });
    return { json: conversations, text: lines.length === 0 ? t('inbox.none') : lines.join('\n') };
  },
};

const oneLine = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
};
