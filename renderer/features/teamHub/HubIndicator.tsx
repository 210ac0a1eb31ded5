import { useTranslation } from 'react-i18next';
import { openSettingsOn } from '../settings/settingsTab';
import { useHubStore } from './hubStore';

/** The team connection at a glance, in the sidebar; nothing while local-only. Opens Settings → Team workspace. */
export function HubIndicator() {
  const { t } = useTranslation();
  const state = useHubStore((s) => s.status?.state ?? 'local');
  const name = useHubStore((s) => s.status?.workspace?.name ?? '');
  if (state === 'local') return null;
  const text = t(`teamHub.indicator.${state}`);
  return (
    <button type="button" className={`view hub-indicator is-${state}`} data-state={state} aria-label={t('teamHub.indicatorLabel', { name, state: t(`teamHub.state.${state}`) })} onClick={() => openSettingsOn('teamWorkspace')}>
      <span className="hub-dot" aria-hidden="true" />
      {text}
    </button>
  );
}
