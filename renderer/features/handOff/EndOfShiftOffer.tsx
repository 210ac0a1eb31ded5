import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSIGN_NOTE_MAX } from '../../../shared/api/conversations';
import type { Conversation } from '../../../shared/domain/entities';
import { localeOf } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/formatTime';
import { useAssignStore } from '../assign/assignStore';
import { triageTargets } from '../keyboard/runAction';
import { useDialogFocus } from '../overlays/useDialogFocus';
import { useEndOfShiftStore } from './endOfShiftStore';
import { shareOut } from './shareOut';

const ROUND_ROBIN = 'roundRobin';


/** The end of my shift: what is still open and mine, and to whom to hand it off. "Keep them" closes it. */
export function EndOfShiftOffer() {
  const offered = useEndOfShiftStore((s) => s.offered);
  return offered ? <Offer conversations={offered} /> : null;
}

function Offer({ conversations }: { conversations: Conversation[] }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useDialogFocus(ref);
  const people = useAssignStore((s) => s.people);
  const onDuty = useMemo(() => people.filter((person) => !person.isMe && person.isOnDuty), [people]);
  const [chosen, setReceiver] = useState<string>(ROUND_ROBIN);
  // Turns only make sense among two or more: one person on duty is simply the one.
  const receiver = chosen === ROUND_ROBIN && onDuty.length === 1 && onDuty[0] ? onDuty[0].id : chosen;
  const [note, setNote] = useState('');
  const close = () => useEndOfShiftStore.getState().close();
  const handOff = () => {
    const receiverIds = receiver === ROUND_ROBIN ? onDuty.map((person) => person.id) : [receiver];
    close();
    for (const [assigneeId, ids] of shareOut(conversations.map((conversation) => conversation.id), receiverIds)) {
      void triageTargets({ kind: 'assign', assigneeId, ...(note.trim() ? { note: note.trim() } : {}) }, ids);
    }
  };
  const locale = localeOf(i18n.language);
  return (
    <div className="backdrop">
      <div
        ref={ref}
        className="dialog end-of-shift"
        role="dialog"
        aria-modal="true"
        tabIndex={-1}
        aria-labelledby="end-of-shift-title"
        onKeyDown={(event) => {
          if (event.key === 'Escape') close();
        }}
      >
        <h2 id="end-of-shift-title">{t('endOfShift.title', { count: conversations.length })}</h2>
        <p>{t('endOfShift.body')}</p>
        <ol className="end-of-shift-list" aria-label={t('endOfShift.listLabel')}>
          {conversations.map((conversation) => (
            <li key={conversation.id}>
              <strong>{conversation.contact.name || conversation.contact.handle}</strong> <span className="muted" data-truncate>{conversation.snippet}</span>{' '}
              <time dateTime={new Date(conversation.lastMessageAt).toISOString()}>{formatDateTime(conversation.lastMessageAt, locale)}</time>
            </li>
          ))}
        </ol>
        {onDuty.length === 0 ? (
          <p className="muted">{t('endOfShift.nobodyOn')}</p>
        ) : (
          <form onSubmit={(event) => { event.preventDefault(); handOff(); }}>
            <label htmlFor="end-of-shift-receiver">{t('endOfShift.giveTo')}</label>
            <select id="end-of-shift-receiver" value={receiver} onChange={(event) => setReceiver(event.target.value)}>
              {onDuty.length > 1 ? <option value={ROUND_ROBIN}>{t('endOfShift.roundRobin', { count: onDuty.length })}</option> : null}
              {onDuty.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
            </select>
            <label htmlFor="end-of-shift-note">{t('endOfShift.note')}</label>
            <textarea id="end-of-shift-note" rows={2} value={note} maxLength={ASSIGN_NOTE_MAX} onChange={(event) => setNote(event.target.value)} />
            <div className="dialog-actions">
              <button type="button" onClick={close}>{t('endOfShift.keep')}</button>
              <button type="submit" className="primary">{t('endOfShift.handOff', { count: conversations.length })}</button>
            </div>
          </form>
        )}
        {onDuty.length === 0 ? (
          <div className="dialog-actions">
            <button type="button" onClick={close}>{t('endOfShift.keep')}</button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
