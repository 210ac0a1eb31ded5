import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationKind, Message } from '../../../shared/domain/entities';
import { actionsFor, isDestructive, type ModerationAction } from '../../../shared/domain/moderation';
import type { Platform } from '../../../shared/domain/platform';
import { useInboxStore } from '../inbox/inboxStore';
import { Dialog } from '../overlays/Dialog';
import { useOverlayStore } from '../overlays/overlayStore';
import { useToastStore } from '../toast/toastStore';
import { useListNavigation } from '../../lib/useListNavigation';
import { allowedForAll, latestInbound } from './moderationChoices';
import { authorOf, detailOf } from './moderationCommands';
import { useModerationStore, type ModerationAsk } from './moderationStore';

/** `m`: the actions the platforms allow on the focused conversation's latest message, or on each checked one's. */
export function ModerationPicker() {
  const targetIds = useOverlayStore((s) => s.targetIds);
  useEffect(() => {
    // Accounts may have connected since the last look: ask again each time.
    void useModerationStore.getState().loadCapabilities();
  }, []);
  const [first] = targetIds;
  if (targetIds.length > 1) return <BulkPicker conversationIds={targetIds} />;
  return first === undefined ? null : <SinglePicker conversationId={first} />;
}

type Single = { accountId: string; platform: Platform; kind: ConversationKind; message: Message | null };

function SinglePicker({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const capabilities = useModerationStore((s) => s.capabilities);
  const [target, setTarget] = useState<Single | null>(null);
  useEffect(() => {
    let isCurrent = true;
    detailOf(conversationId)
      .then((detail) => {
        if (isCurrent) setTarget({ accountId: detail.accountId, platform: detail.platform, kind: detail.kind, message: latestInbound(detail.messages) });
      })
      .catch((error: unknown) => {
        useOverlayStore.getState().close();
        useToastStore.getState().show('error', t('pane.error', { message: (error as Error).message }));
      });
    return () => {
      isCurrent = false;
    };
  }, [conversationId, t]);
  if (!target) return <Dialog title={t('actions.moderate')}><p className="muted" role="status">{t('pane.loading')}</p></Dialog>;
  const { accountId, platform, kind, message } = target;
  const platformName = t(`platform.${platform}`);
  const author = message ? authorOf(message) : '';
  const actions = message ? actionsFor(capabilities[accountId] ?? [], { kind, ...message }) : [];
  return (
    <Choices
      title={t('moderation.pickerTitle', { platform: platformName })}
      note={actions.length === 0 ? t('moderation.noneAllowed', { platform: platformName }) : t('moderation.pickerLatest', { author })}
      actions={actions}
      label={(action) => t(`moderation.action.${action}`, { platform: platformName, author })}
      ask={(action) => ({ action, targets: { messageIds: message ? [message.id] : [] }, single: { author, platform }, platforms: [platform], count: 1 })}
    />
  );
}

function BulkPicker({ conversationIds }: { conversationIds: string[] }) {
  const { t } = useTranslation();
  const capabilities = useModerationStore((s) => s.capabilities);
  const items = useInboxStore((s) => s.items);
  const selected = useMemo(() => items.filter((conversation) => conversationIds.includes(conversation.id)), [items, conversationIds]);
  const actions = useMemo(() => allowedForAll(selected, capabilities), [selected, capabilities]);
  return (
    <Choices
      title={t('moderation.pickerTitleBulk', { count: conversationIds.length })}
      note={actions.length === 0 ? t('moderation.noneAllowedBulk') : t('moderation.bulkNote')}
      actions={actions}
      label={(action) => t(`moderation.bulkAction.${action}`)}
      ask={(action) => ({ action, targets: { conversationIds }, single: null, platforms: selected.map((conversation) => conversation.platform), count: conversationIds.length })}
    />
  );
}

type ChoicesProps = { title: string; note: string; actions: ModerationAction[]; label: (action: ModerationAction) => string; ask: (action: ModerationAction) => ModerationAsk };

function Choices({ title, note, actions, label, ask }: ChoicesProps) {
  const { t } = useTranslation();
  const list = useListNavigation({
    count: actions.length,
    labels: actions.map(label),
    idOf: (index) => `moderation-option-${index}`,
    onChoose: (index) => {
      const action = actions[index];
      if (!action) return;
      useOverlayStore.getState().close();
      useModerationStore.getState().ask(ask(action));
    },
  });
  return (
    <Dialog title={title}>
      <p className="muted">{note}</p>
      {actions.length > 0 ? (
        <ul className="choice-list moderation-choices" aria-label={t('moderation.pickerActions')} {...list.listProps}>
          {actions.map((action, index) => (
            <li key={action} {...list.optionProps(index, isDestructive(action) ? 'is-destructive' : undefined)}>{label(action)}</li>
          ))}
        </ul>
      ) : null}
      <div className="dialog-actions">
        <button type="button" onClick={() => useOverlayStore.getState().close()}>{t('moderation.cancel')}</button>
      </div>
    </Dialog>
  );
}
