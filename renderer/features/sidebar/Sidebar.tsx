import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewFilter } from '../../../shared/api/views';
import { call } from '../../app/coreClient';
import { localeOf } from '../../i18n/i18n';
import { useAccountsStore } from '../accounts/accountsStore';
import { useDigestStore } from '../digest/digestStore';
import { useShowsCounts } from '../duty/dutyStore';
import { useInboxStore } from '../inbox/inboxStore';
import { openOutboxView } from '../outbox/openOutboxView';
import { OUTBOX_VIEW_KEY, useOutboxStore } from '../outbox/outboxStore';
import { controlCharacterProblem } from '../../lib/controlCharacterProblem';
import { useOverlayStore } from '../overlays/overlayStore';
import { usePageStore } from '../pages/pageStore';
import { HubIndicator } from '../teamHub/HubIndicator';
import { useWellbeingStore } from '../wellbeing/wellbeingStore';
import { MAIN_VIEWS, platformViews, STATUS_VIEWS, type BuiltInView } from './builtInViews';

/** The views, each with its count. Counts come from the core's counts table, never from the loaded list. */
export function Sidebar() {
  const { t, i18n } = useTranslation();
  const showsCounts = useShowsCounts();
  const counts = useInboxStore((s) => (showsCounts ? s.counts : null));
  const viewKey = useInboxStore((s) => s.viewKey);
  const savedViews = useInboxStore((s) => s.savedViews);
  const showView = useInboxStore((s) => s.showView);
  const page = usePageStore((s) => s.page);
  const number = new Intl.NumberFormat(localeOf(i18n.language));

  const button = (key: string, label: string, filter: ViewFilter, count: number | null) => (
    <ViewButton
      isCurrent={viewKey === key && page === 'inbox'}
      label={label}
      count={count === null ? null : number.format(count)}
      onClick={() => {
        usePageStore.getState().back();
        void showView(key, filter);
      }}
    />
  );
  const builtIn = (view: BuiltInView) => <li key={view.key}>{button(view.key, t(view.label), view.filter, counts ? view.count(counts) : null)}</li>;

  return (
    <nav className="sidebar" aria-label={t('sidebar.label')}>
      <div className="brand">
        <img src="./icon.svg" alt="" width={28} height={28} />
        <span>{t('app.name')}</span>
      </div>
      <HubIndicator />
      <ul className="views">{MAIN_VIEWS.map(builtIn)}</ul>
      <h2 className="views-heading">{t('sidebar.platforms')}</h2>
      <ul className="views">{platformViews(counts).map(builtIn)}</ul>
      <ul className="views">
        {STATUS_VIEWS.map(builtIn)}
        <li>
          <OutboxButton isCurrent={viewKey === OUTBOX_VIEW_KEY && page === 'inbox'} showsCount={showsCounts} />
        </li>
      </ul>
      <h2 className="views-heading">{t('sidebar.savedViews')}</h2>
      <ul className="views">
        {savedViews.map((view) => (
          <li key={view.id} className="saved-view">
            {button(`saved:${view.id}`, view.name, view.filter, null)}
            <button
              type="button"
              className="icon-button"
              aria-label={t('sidebar.removeView', { name: view.name })}
              onClick={() => void call('views.remove', { id: view.id }).then(() => useInboxStore.getState().refreshSidebar())}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <SaveViewForm />
      <button type="button" className="view digest-button" onClick={() => void useDigestStore.getState().show()}>{t('digest.open')}</button>
      <button type="button" className="view hours-button" onClick={() => useOverlayStore.getState().show('hours')}>{t('hours.open')}</button>
      <button type="button" className="view" onClick={() => useOverlayStore.getState().show('team')}>{t('team.open')}</button>
      <button type="button" className="view" aria-current={page === 'accounts' ? 'page' : undefined} onClick={() => void useAccountsStore.getState().open()}>
        {t('accounts.open')}
      </button>
      <button type="button" className="view" aria-current={page === 'ledger' ? 'page' : undefined} onClick={() => useWellbeingStore.getState().openLedger()}>
        {t('wellbeing.open')}
      </button>
      <button type="button" className="view" onClick={() => useOverlayStore.getState().show('templates')}>{t('templates.open')}</button>
      <button type="button" className="view" onClick={() => useOverlayStore.getState().show('settings')}>{t('settings.open')}</button>
    </nav>
  );
}

function ViewButton({ isCurrent, label, count, onClick }: { isCurrent: boolean; label: string; count: string | null; onClick: () => void }) {
  return (
    <button type="button" className="view" aria-current={isCurrent ? 'page' : undefined} onClick={onClick}>
      <span className="view-label">{label}</span>
      {count !== null && count !== '0' ? <span className="view-count">{count}</span> : null}
    </button>
  );
}

/** Replies not yet out; the count is what waits or went wrong, never unread messages. */
function OutboxButton({ isCurrent, showsCount }: { isCurrent: boolean; showsCount: boolean }) {
  const { t } = useTranslation();
  const count = useOutboxStore((s) => s.counts.pending + s.counts.problems);
  return <ViewButton isCurrent={isCurrent} label={t('sidebar.outbox')} count={showsCount ? String(count) : null} onClick={openOutboxView} />;
}

function SaveViewForm() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const filter = useInboxStore((s) => s.filter);
  const problem = controlCharacterProblem(t, t('sidebar.saveViewName'), name.trim());
  const save = async () => {
    if (!name.trim() || problem) return;
    const view = await call('views.save', { name: name.trim(), filter });
    setName('');
    await useInboxStore.getState().refreshSidebar();
    await useInboxStore.getState().showView(`saved:${view.id}`, view.filter);
  };
  return (
    <form className="save-view" onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <label className="visually-hidden" htmlFor="save-view-name">{t('sidebar.saveViewName')}</label>
      <input id="save-view-name" value={name} placeholder={t('sidebar.saveViewName')} aria-invalid={problem !== null} onChange={(event) => setName(event.target.value)} />
      <button type="submit" disabled={!name.trim() || problem !== null}>{t('sidebar.saveView')}</button>
      {problem ? <p role="alert" className="form-error">{problem}</p> : null}
    </form>
  );
}
