import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AwayRepliesSetup, AwayReplySettings } from '../../../shared/api/awayReplies';
import type { Template } from '../../../shared/api/templates';
import type { Account } from '../../../shared/domain/entities';
import { useTeamStore } from '../team/teamStore';
import { useTemplatesStore } from '../templates/templatesStore';
import { useToastStore } from '../toast/toastStore';
import { effectiveSettings, useAwayRepliesStore } from './awayRepliesStore';
import { awayReplyPreview } from './awayReplyPreview';

/** What is being edited: the default for all accounts, or one account's settings. */
export type AwayScope = { kind: 'all' } | { kind: 'account'; account: Account };

export function AwayReplyForm({ scope, setup, onDone }: { scope: AwayScope; setup: AwayRepliesSetup; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const account = scope.kind === 'account' ? scope.account : null;
  const current = account ? effectiveSettings(setup, account.id) : { settings: setup.workspace, isOwn: true };
  const [followsAll, setFollowsAll] = useState(!current.isOwn);
  const [draft, setDraftState] = useState<AwayReplySettings>(current.settings);
  const [error, setError] = useState<string | null>(null);
  const setDraft = (next: AwayReplySettings) => {
    setDraftState(next);
    setError(null);
  };
  const templates = useTemplatesStore((s) => s.templates) ?? [];
  const hasHours = useTeamStore((s) => (account ? (s.hours[account.id] ?? null) !== null : true));
  const title = account ? t('awayReplies.editTitle', { name: account.name, platform: t(`platform.${account.platform}`) }) : t('awayReplies.allAccounts');

  const save = async () => {
    if (!followsAll && draft.isEnabled && draft.templateId === null) return setError(t('awayReplies.chooseTemplate'));
    try {
      await useAwayRepliesStore.getState().save(account?.id ?? null, followsAll ? null : draft);
      useToastStore.getState().show('info', t('awayReplies.saved', { name: account?.name ?? t('awayReplies.allAccounts') }));
      onDone();
    } catch (failure) {
      setError(t('awayReplies.failed', { message: (failure as Error).message }));
    }
  };

  return (
    <form className="hours-form away-form" onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <h3>{title}</h3>
      {account ? (
        <label className="checkbox">
          <input type="checkbox" checked={followsAll} onChange={(event) => setFollowsAll(event.target.checked)} /> {t('awayReplies.useAll')}
        </label>
      ) : (
        <p className="muted">{t('awayReplies.allHelp')}</p>
      )}
      {followsAll ? null : (
        <fieldset className="away-settings">
          <legend className="visually-hidden">{title}</legend>
          <label className="checkbox">
            <input type="checkbox" role="switch" checked={draft.isEnabled} onChange={(event) => setDraft({ ...draft, isEnabled: event.target.checked })} /> {t('awayReplies.enable')}
          </label>
          <div className="hours-day">
            <label htmlFor={`${id}-template`}>{t('awayReplies.template')}</label>
            <select id={`${id}-template`} value={draft.templateId ?? ''} onChange={(event) => setDraft({ ...draft, templateId: event.target.value === '' ? null : event.target.value })}>
              <option value="">{t('awayReplies.chooseOption')}</option>
              {templates.map((template) => <option key={template.id} value={template.id}>{template.name} (/{template.shortcut})</option>)}
            </select>
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={draft.includesComments} onChange={(event) => setDraft({ ...draft, includesComments: event.target.checked })} /> {t('awayReplies.includeComments')}
          </label>
          <Preview template={templates.find((template) => template.id === draft.templateId) ?? null} account={account} />
        </fieldset>
      )}
      {hasHours ? null : <p className="muted">{t('awayReplies.alwaysOpen')}</p>}
      {error ? <p role="alert" className="form-error">{error}</p> : null}
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>{t('team.person.cancel')}</button>
        <button type="submit">{t('awayReplies.save')}</button>
      </div>
    </form>
  );
}

/** A name Pieuvre never repeats in an automatic reply: the second preview line shows what replaces it. */
const STRANGER_NAME = '@everyone';

/** One line of what a person writing in my language would get, and which languages follow the conversation's. */
function Preview({ template, account }: { template: Template | null; account: Account | null }) {
  const { t, i18n } = useTranslation();
  const defaultLanguage = useTemplatesStore((s) => s.defaultLanguage);
  // For all accounts, the first account stands in: previews need a platform and a name.
  const sampleAccount = useTeamStore((s) => account ?? s.accounts[0] ?? null);
  if (!template || !sampleAccount) return null;
  const preview = (contactName: string) => awayReplyPreview(template, sampleAccount, { language: i18n.language, defaultLanguage, contactName });
  const text = preview(t('awayReplies.sampleContact'));
  const strangerText = preview(STRANGER_NAME);
  // Mid-sentence, as each language writes its names: "français" but "French".
  const names = new Intl.DisplayNames([i18n.language], { type: 'language', fallback: 'code' });
  const inSentence = (code: string) => names.of(code) ?? code;
  const codes = [...new Set(template.variants.map((variant) => variant.language))];
  // What pickVariant falls back to: the workspace's default language if the template has it, else its first.
  const fallback = codes.includes(defaultLanguage) ? defaultLanguage : (codes[0] ?? defaultLanguage);
  return (
    <div className="away-preview">
      <p className="away-preview-line" title={text ?? undefined} data-testid="away-preview">
        <span className="muted">{t('awayReplies.preview')} </span>
        {text ?? t('awayReplies.previewBroken')}
      </p>
      {strangerText !== null && strangerText !== text ? (
        <p className="away-preview-line" title={strangerText} data-testid="away-preview-stranger">
          <span className="muted">{t('awayReplies.strangerPreview', { name: STRANGER_NAME })} </span>
          {strangerText}
        </p>
      ) : null}
      <p className="muted">{t('awayReplies.languages', { languages: codes.map(inSentence).join(', '), fallback: inSentence(fallback) })}</p>
    </div>
  );
}
