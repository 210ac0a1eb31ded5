import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schedule } from '../../../shared/schedule';
import type { Account } from '../../../shared/domain/entities';
import { draftOf, officeHoursDraft, openDaysOf } from '../duty/scheduleDraft';
import { ScheduleEditor, useScheduleCheck } from '../duty/ScheduleEditor';
import { localeOf } from '../../i18n/i18n';
import { useToastStore } from '../toast/toastStore';
import { AccountRow } from './AccountRow';
import { useTeamStore } from './teamStore';

/** Each connected account's business hours, for away replies and reports: a summary per account, one editor at a time. */
export function BusinessHoursSection() {
  const { t } = useTranslation();
  const accounts = useTeamStore((s) => s.accounts);
  const hours = useTeamStore((s) => s.hours);
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = accounts.find((account) => account.id === editingId);
  if (editing) return <AccountHoursForm account={editing} schedule={hours[editing.id] ?? null} onDone={() => setEditingId(null)} />;
  return (
    <>
      <p className="muted">{t('team.hours.help')}</p>
      {accounts.length === 0 ? <p className="muted">{t('team.hours.noAccounts')}</p> : null}
      <ul className="team-list" aria-label={t('team.tabs.businessHours')}>
        {accounts.map((account) => {
          const schedule = hours[account.id] ?? null;
          return (
            <AccountRow
              key={account.id}
              account={account}
              summary={schedule ? t('team.hours.summary', { count: openDaysOf(schedule), zone: schedule.timeZone }) : t('team.hours.none')}
              editLabel={t('team.hours.editFor', { name: account.name, platform: t(`platform.${account.platform}`) })}
              onEdit={() => setEditingId(account.id)}
            />
          );
        })}
      </ul>
    </>
  );
}

function AccountHoursForm({ account, schedule, onDone }: { account: Account; schedule: Schedule | null; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(() => (schedule ? draftOf(schedule, localeOf(i18n.language)) : officeHoursDraft(localeOf(i18n.language))));
  const check = useScheduleCheck();
  const save = (next: Schedule | null) => {
    useTeamStore.getState().setBusinessHours(account.id, next).then(() => {
      useToastStore.getState().show('info', t('team.hours.saved', { name: account.name }));
      onDone();
    }, check.refuse);
  };
  return (
    <form ref={form} className="hours-form" onSubmit={(event) => {
      event.preventDefault();
      const next = check.read(draft, form.current);
      if (next) save(next);
    }}>
      <h3>{t('team.hours.editTitle', { name: account.name, platform: t(`platform.${account.platform}`) })}</h3>
      <ScheduleEditor draft={draft} onChange={setDraft} daysOff="closure" {...check.editorProps} />
      <div className="dialog-actions">
        <button type="button" onClick={() => save(null)}>{t('team.hours.clear')}</button>
        <button type="button" onClick={onDone}>{t('team.person.cancel')}</button>
        <button type="submit">{t('team.hours.save')}</button>
      </div>
    </form>
  );
}
