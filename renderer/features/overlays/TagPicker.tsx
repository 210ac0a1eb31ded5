import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { controlCharacterProblem } from '../../lib/controlCharacterProblem';
import { useConversationStore } from '../conversation/conversationStore';
import { useInboxStore } from '../inbox/inboxStore';
import { triageTargets } from '../keyboard/runAction';
import { Dialog } from './Dialog';
import { useOverlayStore } from './overlayStore';

export function TagPicker() {
  const { t } = useTranslation();
  const targetIds = useOverlayStore((s) => s.targetIds);
  const tags = useInboxStore((s) => s.tags);
  const [name, setName] = useState('');
  const problem = controlCharacterProblem(t, t('tagPicker.placeholder'), name.trim());
  const add = async () => {
    const tag = name.trim().replace(/^#/u, '');
    if (!tag || problem) return;
    useOverlayStore.getState().close();
    await triageTargets({ kind: 'tag', add: [tag] }, targetIds);
    await Promise.all([useInboxStore.getState().refreshSidebar(), useConversationStore.getState().reload()]);
  };
  return (
    <Dialog title={t('tagPicker.title')}>
      <form onSubmit={(event) => { event.preventDefault(); void add(); }}>
        <label htmlFor="tag-name" className="visually-hidden">{t('tagPicker.placeholder')}</label>
        <input id="tag-name" list="known-tags" value={name} placeholder={t('tagPicker.placeholder')} autoComplete="off" aria-invalid={problem !== null} onChange={(event) => setName(event.target.value)} />
        {problem ? <p role="alert" className="form-error">{problem}</p> : null}
        <datalist id="known-tags">{tags.map((tag) => <option key={tag.name} value={tag.name} />)}</datalist>
        <div className="dialog-actions">
          <button type="button" onClick={() => useOverlayStore.getState().close()}>{t('tagPicker.cancel')}</button>
          <button type="submit" disabled={!name.trim() || problem !== null}>{t('tagPicker.add')}</button>
        </div>
      </form>
    </Dialog>
  );
}
