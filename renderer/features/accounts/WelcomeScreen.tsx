import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccountsStore } from './accountsStore';
import { useConnectStore } from './connectStore';

/**
 * The first start: a calm page in place of the whole app, with two ways on. Either one ends
 * the welcome for good; Escape explores the demo (what is behind it), Enter takes the focused choice.
 */
export function WelcomeScreen() {
  const { t } = useTranslation();
  const connect = async () => {
    await useAccountsStore.getState().dismissWelcome();
    await useAccountsStore.getState().open();
    useConnectStore.getState().open();
  };
  const explore = () => void useAccountsStore.getState().dismissWelcome();
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    explore();
  };
  return (
    <main className="welcome" aria-labelledby="welcome-title" onKeyDown={onKeyDown}>
      <div className="welcome-card">
        <img src="./icon.svg" alt="" width={56} height={56} />
        <h1 id="welcome-title">{t('accounts.welcome.title')}</h1>
        <p>{t('accounts.welcome.body')}</p>
        <div className="welcome-choices">
          <button type="button" className="welcome-choice is-primary" autoFocus onClick={() => void connect()}>
            <strong>{t('accounts.welcome.connect')}</strong>
            <span>{t('accounts.welcome.connectAbout')}</span>
          </button>
          <button type="button" className="welcome-choice" onClick={explore}>
            <strong>{t('accounts.welcome.demo')}</strong>
            <span>{t('accounts.welcome.demoAbout')}</span>
          </button>
        </div>
      </div>
    </main>
  );
}
