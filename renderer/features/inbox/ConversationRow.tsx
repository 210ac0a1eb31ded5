import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../shared/domain/entities';
import { localeOf } from '../../i18n/i18n';
import { formatRelative } from '../../lib/formatTime';
import { useNow } from '../../lib/useNow';
import { AssigneeChip } from '../assign/AssigneeChip';
import { useAssignee } from '../assign/assignStore';
import { ReplyWindowChip } from '../replies/ReplyWindowChip';
import { excerptText, SearchExcerpt } from '../search/SearchExcerpt';
import { PlatformIcon } from '../sidebar/PlatformIcon';
import { isShielded } from '../shield/shieldStore';
import { displayName } from '../team/teamStore';
import { useInboxStore } from './inboxStore';
import { triageTargets } from '../keyboard/runAction';
import { PresenceBadge, presenceSaid } from '../presence/PresenceBadge';
import { usePresenceIn } from '../presence/presenceStore';

type Props = { conversation: Conversation; top: number; position: number; setSize: number; isSelected: boolean; isChecked: boolean };

/** One option of the listbox. Its accessible name is the author and the snippet, as a screen reader should say it. */
export const ConversationRow = memo(function ConversationRow({ conversation, top, position, setSize, isSelected, isChecked }: Props) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const author = conversation.contact.name || conversation.contact.handle;
  const isUnread = conversation.unreadCount > 0;
  // A search's result shows why it matched; a hostile match stays shielded like any snippet.
  const { excerpt } = conversation;
  const isHidden = isShielded(excerpt ? excerpt.hostility : conversation.snippetHostility);
  const snippet = isHidden ? t('shield.hidden') : excerpt ? excerptText(excerpt) : conversation.snippet;
  const assignee = useAssignee(conversation.assigneeId);
  const assigneeName = assignee ? displayName(assignee, t('assign.you')) : null;
  const present = usePresenceIn(conversation.id);
  const presence = present.length > 0 ? presenceSaid(t, present) : null;
  // The draft mark and teammates here are said too: the row's label stands for its whole content.
  const marks = [conversation.hasDraft ? t('list.draft') : null, presence].filter((mark) => mark !== null);
  const name = [t('list.rowName', { author, platform: t(`platform.${conversation.platform}`), snippet }), ...marks].join(', ');
  return (
    <div
      id={`conversation-${conversation.id}`}
      role="option"
      aria-selected={isSelected}
      aria-checked={isChecked}
      aria-posinset={position}
      aria-setsize={setSize}
      aria-label={assigneeName === null ? name : `${name}, ${t('list.rowAssignee', { name: assigneeName })}`}
      className={`conversation-row${isSelected ? ' is-selected' : ''}${isUnread ? ' is-unread' : ''}${isChecked ? ' is-checked' : ''}`}
      data-status={conversation.status}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => {
        useInboxStore.getState().select(conversation.id);
        // A click opens the conversation as Enter does: what the person opened is read.
        if (conversation.unreadCount > 0) void triageTargets({ kind: 'read', read: true }, [conversation.id], { isQuiet: true });
      }}
    >
      <PlatformIcon platform={conversation.platform} />
      <div className="row-main">
        <div className="row-top">
          <span className="row-author" title={author} data-truncate>{author}</span>
          {presence !== null ? <PresenceBadge people={present} said={presence} /> : null}
          {isUnread ? <span className="unread-dot" aria-label={t('list.unread')} /> : null}
          <time className="row-time" dateTime={new Date(conversation.lastMessageAt).toISOString()}>
            {formatRelative(conversation.lastMessageAt, now, localeOf(i18n.language), t('time.now'))}
          </time>
        </div>
        {excerpt && !isHidden ? (
          <SearchExcerpt excerpt={excerpt} />
        ) : (
          <div className={`row-snippet${isHidden ? ' is-shielded' : ''}`} title={snippet} data-truncate>{snippet}</div>
        )}
        <div className="row-meta">
          {conversation.urgentAt !== null ? <span className="chip urgent">{t('list.urgent')}</span> : null}
          {conversation.hasDraft ? <span className="chip draft">{t('list.draft')}</span> : null}
          <span className="chip kind">{t(`kind.${conversation.kind}`)}</span>
          {conversation.status === 'open' ? <ReplyWindowChip conversation={conversation} /> : null}
          {conversation.status !== 'open' ? <span className="chip status">{t(`status.${conversation.status}`)}</span> : null}
          {assignee && assigneeName !== null ? <AssigneeChip id={assignee.id} name={assigneeName} avatarUrl={assignee.avatarUrl} /> : null}
          {conversation.tags.map((tag) => <span key={tag} className="chip tag">#{tag}</span>)}
          {isChecked ? <span className="visually-hidden">{t('list.selected')}</span> : null}
        </div>
      </div>
    </div>
  );
});
