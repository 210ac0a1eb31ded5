import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamMember } from '../../../shared/api/team';
import { useToastStore } from '../toast/toastStore';
import { Avatar } from './Avatar';
import { displayName, useTeamStore } from './teamStore';

/** Everyone, with who is on duty and on call now; me first, and never removable. */
export function PeopleList({ onEdit, onAdd }: { onEdit: (person: TeamMember) => void; onAdd: () => void }) {
  const { t } = useTranslation();
  const people = useTeamStore((s) => s.people);
  return (
    <>
      <ul className="team-list" aria-label={t('team.tabs.people')}>
        {people.map((person) => <PersonRow key={person.id} person={person} onEdit={() => onEdit(person)} />)}
      </ul>
      <p className="muted">{t('team.localNote')}</p>
      <div className="dialog-actions">
        <button type="button" onClick={onAdd}>{t('team.add')}</button>
      </div>
    </>
  );
}

function PersonRow({ person, onEdit }: { person: TeamMember; onEdit: () => void }) {
  const { t } = useTranslation();
  const [isConfirming, setIsConfirming] = useState(false);
  const name = displayName(person, t('team.you'));
  const remove = async () => {
    try {
      const count = await useTeamStore.getState().remove(person.id);
      useToastStore.getState().show('info', count > 0 ? t('team.removedWithConversations', { name, count }) : t('team.removed', { name }));
    } catch (failure) {
      setIsConfirming(false);
      useToastStore.getState().show('error', t('team.removeFailed', { name, message: (failure as Error).message }));
    }
  };
  return (
    <li className="team-person">
      <Avatar id={person.id} name={name} url={person.avatarUrl} />
      <span className="team-name">
        {name}
        {person.isMe && person.name ? <span className="muted"> ({t('team.youSuffix')})</span> : null}
      </span>
      <span className={person.isOnDuty ? 'chip is-on-duty' : 'chip'}>{person.isOnDuty ? t('team.onDuty') : t('team.offDuty')}</span>
      {person.isOnCall ? <span className="chip is-on-call">{t('team.onCallBadge')}</span> : null}
      {isConfirming ? (
        <span className="team-confirm" role="group" aria-label={t('team.confirmRemove', { name })}>
          <span>{t('team.confirmRemove', { name })}</span>
          <button type="button" className="is-danger" onClick={() => void remove()}>{t('team.confirmRemoveYes')}</button>
          <button type="button" autoFocus onClick={() => setIsConfirming(false)}>{t('team.keep')}</button>
        </span>
      ) : (
        <span className="team-actions">
          <button type="button" aria-label={t('team.editPerson', { name })} onClick={onEdit}>{t('team.edit')}</button>
          {person.isMe ? null : (
            <button type="button" aria-label={t('team.removePerson', { name })} onClick={() => setIsConfirming(true)}>{t('team.remove')}</button>
          )}
        </span>
      )}
    </li>
  );
}
