import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AwayReplySettings } from '../../../shared/api/awayReplies';
import type { Template } from '../../../shared/api/templates';
import { AccountRow } from '../team/AccountRow';
import { useTeamStore } from '../team/teamStore';
import { useTemplatesStore } from '../templates/templatesStore';
import { useToastStore } from '../toast/toastStore';
import { AwayReplyForm, type AwayScope } from './AwayReplyForm';
import { effectiveSettings, useAwayRepliesStore } from './awayRepliesStore';

/** "On · “Message d’absence” · DMs only": what a scope answers, in one line. */
function useSummary(): (settings: AwayReplySettings) => string {
  const { t } = useTranslation();
  const templates = useTemplatesStore((s) => s.templates);
  return (settings) => {
    if (!settings.isEnabled) return t('awayReplies.off');
    const template = templates?.find((candidate: Template) => candidate.id === settings.templateId);
    const what = template ? t('awayReplies.quoted', { name: template.name }) : t('awayReplies.noTemplate');
    return [t('awayReplies.on'), what, settings.includesComments ? t('awayReplies.dmsAndComments') : t('awayReplies.dmsOnly')].join(' · ');
  };
}

/** Per account (or for all at once): whether messages outside business hours get an away reply, and which. */
export function AwayRepliesSection() {
  const { t } = useTranslation();
  const accounts = useTeamStore((s) => s.accounts);
  const hours = useTeamStore((s) => s.hours);
  const setup = useAwayRepliesStore((s) => s.setup);
  const summary = useSummary();
  const [editing, setEditing] = useState<AwayScope | null>(null);

  useEffect(() => {
    const failed = (error: unknown) => useToastStore.getState().show('error', t('awayReplies.loadFailed', { message: (error as Error).message }));
    useAwayRepliesStore.getState().load().catch(failed);
    useTemplatesStore.getState().load().catch(failed);
  }, [t]);

  if (!setup) return null;
  if (editing) return <AwayReplyForm scope={editing} setup={setup} onDone={() => setEditing(null)} />;
  return (
    <>
      <p className="muted">{t('awayReplies.help')}</p>
      {accounts.length === 0 ? <p className="muted">{t('team.hours.noAccounts')}</p> : null}
      <ul className="team-list" aria-label={t('team.tabs.awayReplies')}>
        <li className="team-person">
          <span className="away-all" aria-hidden="true">∗</span>
          <span className="team-name">{t('awayReplies.allAccounts')}</span>
          <span className="muted">{summary(setup.workspace)}</span>
          <span className="team-actions">
            <button type="button" aria-label={t('awayReplies.editAll')} onClick={() => setEditing({ kind: 'all' })}>{t('team.edit')}</button>
          </span>
        </li>
        {accounts.map((account) => {
          const { settings, isOwn } = effectiveSettings(setup, account.id);
          const isAlwaysOpen = (hours[account.id] ?? null) === null;
          return (
            <AccountRow
              key={account.id}
              account={account}
              summary={
                <>
                  {isOwn ? summary(settings) : t(settings.isEnabled ? 'awayReplies.followsAllOn' : 'awayReplies.followsAllOff')}
                  {settings.isEnabled && isAlwaysOpen ? <span className="away-warning"> · {t('awayReplies.alwaysOpenShort')}</span> : null}
                </>
              }
              editLabel={t('awayReplies.editFor', { name: account.name, platform: t(`platform.${account.platform}`) })}
              onEdit={() => setEditing({ kind: 'account', account })}
            />
          );
        })}
      </ul>
    </>
  );
}
