import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubMemberSummary } from '../../../shared/api/hub';
import { useToastStore } from '../toast/toastStore';
import { useHubStore } from './hubStore';
import { hubFailureText } from './hubTexts';

/** The workspace's teammates as the hub lists them; its creator may remove one (after a confirm). */
export function HubMembers({ members, canRemove }: { members: HubMemberSummary[]; canRemove: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="settings-section" aria-labelledby="hub-members-title">
      <h3 id="hub-members-title">{t('teamHub.members')}</h3>
      {members.length === 0 ? <p className="muted">{t('teamHub.membersUnknown')}</p> : null}
      <ul className="hub-members">
        {members.map((member) => (
          <HubMemberRow key={member.role} member={member} canRemove={canRemove && !member.isMe && member.removedAt === null} />
        ))}
      </ul>
    </section>
  );
}

function HubMemberRow({ member, canRemove }: { member: HubMemberSummary; canRemove: boolean }) {
  const { t } = useTranslation();
  const [isConfirming, setIsConfirming] = useState(false);
  const remove = async () => {
    try {
      await useHubStore.getState().removeMember(member.role);
      useToastStore.getState().show('info', t('teamHub.remove.done', { name: member.name }));
    } catch (failure) {
      setIsConfirming(false);
      useToastStore.getState().show('error', hubFailureText(t, failure));
    }
  };
  const suffix = member.isMe ? t('teamHub.youSuffix') : member.removedAt !== null ? t('teamHub.removedSuffix') : null;
  return (
    <li className="hub-member">
      <span>
        {member.name}
        {suffix ? <span className="muted"> ({suffix})</span> : null}
      </span>
      {isConfirming ? (
        <span className="team-confirm" role="group" aria-label={t('teamHub.remove.label', { name: member.name })}>
          <span>{t('teamHub.remove.confirm', { name: member.name })}</span>
          <button type="button" className="is-danger" onClick={() => void remove()}>{t('teamHub.remove.yes')}</button>
          <button type="button" autoFocus onClick={() => setIsConfirming(false)}>{t('teamHub.remove.no')}</button>
        </span>
      ) : canRemove ? (
        <button type="button" aria-label={t('teamHub.remove.label', { name: member.name })} onClick={() => setIsConfirming(true)}>{t('teamHub.remove.button')}</button>
      ) : null}
    </li>
  );
}
