import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationDetail, Message } from '../../../shared/domain/entities';
import { localeOf } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/formatTime';
import { ComposerArea } from '../composer/ComposerArea';
import { MessageActions } from '../moderation/MessageActions';
import { MessageModeration } from '../moderation/MessageModeration';
import { moderationHistoryText } from '../moderation/moderationHistory';
import { awayReplyHistoryText } from '../awayReplies/awayReplyHistory';
import { automaticSendHistoryText } from '../outbox/automaticSendHistory';
import { assignHistoryText } from '../assign/assignHistory';
import { useAssignStore } from '../assign/assignStore';
import { useOverlayStore } from '../overlays/overlayStore';
import { BlockedBadge } from '../contact/BlockedBadge';
import { ContactToggle } from '../contact/ContactToggle';
import { PendingReplies } from '../outbox/PendingReplies';
import { ReplyWindowChip } from '../replies/ReplyWindowChip';
import { PlatformIcon } from '../sidebar/PlatformIcon';
import { triageTargets } from '../keyboard/runAction';
import { useConversationStore } from './conversationStore';
import { MessageText } from './MessageText';
import { senderName } from './senderName';
import { escalatedTo } from './escalatedTo';
import { ruleHistoryText } from './ruleHistory';
import { MessageAttachments } from './MessageAttachments';
import { EditedMark } from './EditedMark';
import { DeletedOnPlatform } from './DeletedOnPlatform';
import { PrivateReplyMark } from './PrivateReplyMark';
import { ShieldBudgetNote, ShieldedText } from '../shield/ShieldedText';
import { NoteCard } from '../notes/NoteCard';
import { HandOffBanner } from '../notes/HandOffBanner';
import { useNotesStore } from '../notes/notesStore';
import { pendingHandOff, threadItems } from '../notes/threadItems';

/** The open conversation: for a comment thread the post first, then the messages, then the composer. */
export function ConversationPane() {
  const { t } = useTranslation();
  const detail = useConversationStore((s) => s.detail);
  const loadState = useConversationStore((s) => s.loadState);
  const error = useConversationStore((s) => s.error);
  const pane = useRef<HTMLElement>(null);
  const openId = detail?.id;
  // Its notes arrive just after its messages: the newest line may be one of them.
  const hasNotes = useNotesStore((s) => openId !== undefined && s.loadedId === openId);
  // A conversation opens on its newest messages, as chats do: the oldest at the top hid what was just said.
  // Only when another one opens: a message arriving while the person reads must not move the page.
  useEffect(() => {
    if (openId && pane.current) pane.current.scrollTop = pane.current.scrollHeight;
  }, [openId, hasNotes]);
  let body;
  if (loadState === 'idle') body = <p className="pane-state">{t('pane.empty')}</p>;
  else if (loadState === 'error') body = <p className="pane-state" role="alert">{t('pane.error', { message: error })}</p>;
  else if (!detail) body = <p className="pane-state" role="status">{t('pane.loading')}</p>;
  else body = <Thread detail={detail} />;
  return (
    <section ref={pane} id="conversation-pane" className="conversation-pane" tabIndex={-1} aria-label={detail ? detail.contact.name : t('pane.messages')}>
      {body}
    </section>
  );
}

function Thread({ detail }: { detail: ConversationDetail }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const notes = useNotesStore((s) => (s.conversationId === detail.id ? s.notes : null));
  const dismissedIds = useNotesStore((s) => s.dismissedIds);
  const myId = useAssignStore((s) => s.people.find((person) => person.isMe)?.id ?? null);
  // Each reload of the conversation (a change event, a reply) brings its notes along.
  useEffect(() => {
    void useNotesStore.getState().load(detail.id).catch(() => undefined);
  }, [detail]);
  const handOff = pendingHandOff(detail, notes ?? [], myId, dismissedIds);
  return (
    <>
      <header className="pane-header">
        <PlatformIcon platform={detail.platform} />
        <div>
          <h1>
            {detail.contact.name || detail.contact.handle}
            {detail.urgentAt !== null ? <span className="chip urgent">{t('list.urgent')}</span> : null}
          </h1>
          <p className="muted">
            {detail.contact.handle} · {t(`kind.${detail.kind}`)} · {t(`status.${detail.status}`)} <ReplyWindowChip conversation={detail} />
          </p>
        </div>
        <ul className="pane-tags" aria-label={t('pane.tags')}>
          {detail.tags.map((tag) => (
            <li key={tag} className="chip tag">
              #{tag}
              <button type="button" className="icon-button" aria-label={t('pane.removeTag', { tag })} onClick={() => void removeTag(detail.id, tag)}>×</button>
            </li>
          ))}
        </ul>
        <button type="button" className="handoff-open" onClick={() => useOverlayStore.getState().show('handOff', [detail.id])}>{t('handOff.open')}</button>
        <ContactToggle />
        {/* In the sticky header: the hand-off note stays on top however far the thread scrolls. */}
        {handOff ? <HandOffBanner note={handOff} locale={locale} /> : null}
      </header>
      {detail.post ? (
        <aside className="post">
          <h2>{t('pane.post')}</h2>
          <MessageText text={detail.post.text} />
          {detail.post.permalink ? (
            <a href={detail.post.permalink} target="_blank" rel="noopener noreferrer">{t('pane.openOnPlatform', { platform: t(`platform.${detail.platform}`) })}</a>
          ) : null}
        </aside>
      ) : null}
      <ShieldBudgetNote />
      <ol className="messages" aria-label={t('pane.messages')}>
        {threadItems(detail.messages, notes ?? []).map((item) =>
          item.kind === 'message' ? (
            <MessageItem key={item.message.id} message={item.message} detail={detail} locale={locale} />
          ) : (
            <NoteCard key={item.note.id} note={item.note} platform={detail.platform} locale={locale} />
          ),
        )}
      </ol>
      <History detail={detail} locale={locale} />
      <PendingReplies conversationId={detail.id} />
      <ComposerArea conversationId={detail.id} platform={detail.platform} />
    </>
  );
}

function MessageItem({ message, detail, locale }: { message: Message; detail: ConversationDetail; locale: string }) {
  const { t } = useTranslation();
  const isOut = message.direction === 'out';
  const sender = senderName(message, t);
  // Deleted on the platform by its author: the words stay, muted. Deleted through Pieuvre's moderation: the brand chose to remove it, so its text is not shown.
  const isGoneHere = message.isDeleted && message.deletedAt === null;
  return (
    <li className={`message ${isOut ? 'is-out' : 'is-in'}${message.deletedAt === null ? '' : ' is-deleted-on-platform'}`} data-direction={message.direction}>
      <div className="message-head">
        <span className="message-author" title={message.sentBy?.kind === 'platform' ? t('pane.outsidePieuvreHint', { platform: t(`platform.${detail.platform}`) }) : undefined}>
          {sender}
        </span>
        {isOut ? null : <BlockedBadge contact={message.author} />}
        <time dateTime={new Date(message.createdAt).toISOString()}>{formatDateTime(message.createdAt, locale)}</time>
        {message.editedAt === null ? null : <EditedMark editedAt={message.editedAt} locale={locale} />}
        {message.isHidden ? <span className="chip status">{t('pane.hidden')}</span> : null}
        {message.isPrivateReply ? <PrivateReplyMark platform={detail.platform} /> : null}
        <MessageActions message={message} accountId={detail.accountId} platform={detail.platform} kind={detail.kind} />
      </div>
      {message.deletedAt === null ? null : <DeletedOnPlatform deletedAt={message.deletedAt} platform={detail.platform} locale={locale} />}
      {isGoneHere ? (
        <p className="muted">{t('pane.deleted')}</p>
      ) : (
        <ShieldedText messageId={message.id} hostility={message.hostility}>
          <MessageText text={message.text} />
          <MessageAttachments attachments={message.attachments} />
        </ShieldedText>
      )}
      <MessageModeration conversationId={detail.id} messageId={message.id} />
    </li>
  );
}

/** What rules, the gate, moderation and away replies did with this conversation: marked urgent, escalated to whom, hidden... */
function History({ detail, locale }: { detail: ConversationDetail; locale: string }) {
  const { t } = useTranslation();
  const people = useAssignStore((s) => s.people);
  // The core records reasons and recipients in its own words ("keyword: hôpital", "me"): say them in the person's language.
  const reasonText = (reason: unknown) => {
    const keyword = typeof reason === 'string' ? /^keyword: (.+)$/u.exec(reason)?.[1] : undefined;
    return keyword ? t('pane.reasonKeyword', { keyword }) : t('pane.reasonByHand');
  };
  const lines = detail.activity.flatMap((line) => {
    const byRule = ruleHistoryText(line, t, people, (at) => formatDateTime(at, locale));
    if (byRule !== null) return [{ at: line.at, text: byRule }];
    const reason = reasonText(line.data.reason);
    const to = escalatedTo(line, people, t);
    if (line.action === 'conversation.urgent') return [{ at: line.at, text: t('pane.markedUrgent', { reason }) }];
    if (line.action === 'conversation.escalated') return [{ at: line.at, text: to ? t('pane.escalated', { to }) : t('pane.escalatedToNobody') }];
    const text = automaticSendHistoryText(line, t) ?? moderationHistoryText(line, t) ?? awayReplyHistoryText(line, t) ?? assignHistoryText(line, t, people);
    return text === null ? [] : [{ at: line.at, text }];
  });
  if (lines.length === 0) return null;
  return (
    <section className="history" aria-label={t('pane.history')}>
      <ul>
        {lines.map((line, index) => (
          <li key={index}><time dateTime={new Date(line.at).toISOString()}>{formatDateTime(line.at, locale)}</time> {line.text}</li>
        ))}
      </ul>
    </section>
  );
}

/** A tag taken off is a triage change like any other: the list follows, and the notice offers Undo. */
async function removeTag(conversationId: string, tag: string): Promise<void> {
  await triageTargets({ kind: 'tag', add: [], remove: [tag] }, [conversationId]);
  await useConversationStore.getState().reload();
}
