import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConversationStore } from '../conversation/conversationStore';
import { useToastStore } from '../toast/toastStore';
import { sendReply } from './sendReply';

/** Reply box: Ctrl/Cmd+Enter sends; on failure the text stays so nothing written is lost. */
export function Composer({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [isSending, setIsSending] = useState(false);
  // One key per draft: a retried send after an unclear failure is the same reply, not a second one.
  const [draftKey, setDraftKey] = useState(() => crypto.randomUUID());

  const send = async () => {
    if (!text.trim() || isSending) return;
    setIsSending(true);
    try {
      await sendReply(conversationId, text, draftKey);
      setText('');
      setDraftKey(crypto.randomUUID());
      await useConversationStore.getState().reload();
      useToastStore.getState().show('info', t('composer.sent'));
    } catch (error) {
      useToastStore.getState().show('error', t('composer.failed', { message: (error as Error).message }));
    } finally {
      setIsSending(false);
    }
  };

  return (
    <form className="composer" onSubmit={(event) => { event.preventDefault(); void send(); }}>
      <label htmlFor="composer-text" className="visually-hidden">{t('composer.label')}</label>
      <textarea
        id="composer-text"
        value={text}
        rows={3}
        placeholder={t('composer.placeholder')}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void send();
          } else if (event.key === 'Escape') {
            (event.target as HTMLTextAreaElement).blur();
          }
        }}
      />
      <button type="submit" disabled={!text.trim() || isSending}>{isSending ? t('composer.sending') : t('composer.send')}</button>
    </form>
  );
}
