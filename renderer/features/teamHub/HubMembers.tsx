import { useTranslation } from 'react-i18next';
import type { HubMemberSummary } from '../../../shared/api/hub';
import { useToastStore } from '../toast/toastStore';
import { useHubStore } from './hubStore';
import { localeOf } from '../../i18n/i18n';
import { hubFailureText, memberLabels } from './hubTexts';
import { useConfirmStep } from './useConfirmStep';

/** The workspace's teammates as the hub lists them; its creator may remove one (after a confirm). */
export function HubMembers({ members, canRemove }: { members: HubMemberSummary[]; canRemove: boolean }) {
  const { t, i18n } = useTranslation();
  const labels = memberLabels(t, members, localeOf(i18n.language));
  return (
    <section className="settings-section" aria-labelledby="hub-members-title">
      <h3 id="hub-members-title" tabIndex={-1}>{t('teamHub.members')}</h3>
      {members.length === 0 ? <p className="muted">{t('teamHub.membersUnknown')}</p> : null}
      <ul className="hub-members">
        {members.map((member) => (
          <HubMemberRow key={member.role} member={member} label={labels.get(member.role) ?? member.name} canRemove={canRemove && !member.isMe && member.removedAt === null} />
        ))}
      </ul>
    </section>
  );
}

/** `label`: the member's name, told apart from a teammate's of the same name (memberLabels). */
function HubMemberRow({ member, label, canRemove }: { member: HubMemberSummary; label: string; canRemove: boolean }) {
  const { t } = useTranslation();
  const confirm = useConfirmStep();
  const remove = async () => {
    try {
      await useHubStore.getState().removeMember(member.role);
      confirm.cancel();
      // The row lost its buttons: the keyboard stays in the list, on its title.
      document.getElementById('hub-members-title')?.focus();
      useToastStore.getState().show('info', t('teamHub.remove.done', { name: label }));
    } catch (failure) {
      confirm.cancel();
      useToastStore.getState().show('error', hubFailureText(t, failure));
    }
  };
  const suffix = member.isMe ? t('teamHub.youSuffix') : member.removedAt !== null ? t('teamHub.removedSuffix') : member.hasJoined ? null : t('teamHub.invitedSuffix');
  return (
    <li className="hub-member">
      <span>
        {label}
        {suffix ? <span className="muted"> ({suffix})</span> : null}
      </span>
      {!canRemove ? null : confirm.isConfirming ? (
        <span className="team-confirm" role="group" aria-label={t('teamHub.remove.label', { name: label })} onKeyDown={confirm.onKeyDown}>
          <span>{t('teamHub.remove.confirm', { name: label })}</span>
          <button type="button" className="is-danger" onClick={() => void remove()}>{t('teamHub.remove.yes')}</button>
          <button type="button" autoFocus onClick={confirm.cancel}>{t('teamHub.remove.no')}</button>
        </span>
      ) : (
        <button ref={confirm.asker} type="button" aria-label={t('teamHub.remove.label', { name: label })} onClick={confirm.ask}>{t('teamHub.remove.button')}</button>
      )}
    </li>
  );
}
