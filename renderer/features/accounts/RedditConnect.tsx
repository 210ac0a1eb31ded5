import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlatformAppSetup } from './PlatformAppSetup';
import { RedditScriptForm } from './RedditScriptForm';

const METHODS = ['installed', 'script'] as const;
type RedditMethod = (typeof METHODS)[number];

/**
 * Reddit's two sign-ins (#13 §2): the installed app through the browser (recommended: it stays
 * signed in) or, as the fallback for one's own account, a script app and the password.
 */
export function RedditConnect() {
  const { t } = useTranslation();
  const [method, setMethod] = useState<RedditMethod>('installed');
  return (
    <>
      {/* Two toggle buttons as the composer's modes: Tab reaches each; the chosen form then takes the focus. */}
      <div className="choice-toggles" role="group" aria-label={t('accounts.connect.reddit.method')}>
        {METHODS.map((choice) => (
          <button key={choice} type="button" aria-pressed={method === choice} className={method === choice ? 'is-active' : undefined} onClick={() => setMethod(choice)}>
            {t(`accounts.connect.reddit.${choice}`)}
          </button>
        ))}
      </div>
      {method === 'installed' ? <PlatformAppSetup platform="reddit" /> : <RedditScriptForm />}
    </>
  );
}
