import { useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rule } from '../../../shared/api/rules';
import { localeOf } from '../../i18n/i18n';
import { formatRelative } from '../../lib/formatTime';
import { useNow } from '../../lib/useNow';

/** The data transfer type a dragged rule carries: its id, for drops inside this list only. */
export const RULE_DRAG_TYPE = 'application/x-pieuvre-rule';

type RuleRowProps = {
  rule: Rule;
  position: number;
  count: number;
  summary: string;
  isDropTarget: boolean;
  /** The rule's saved versions, shown under it while open; null when closed. */
  history: ReactNode;
  onHistory(): void;
  onEdit(): void;
  onDuplicate(): void;
  onDelete(): void;
  onToggle(isEnabled: boolean): void;
  /** -1 up, +1 down. */
  onMove(delta: -1 | 1): void;
  onDragOver(): void;
  onDrop(draggedId: string): void;
};

/** One rule in the list: its switch, name, summary, hits, the engine's error if it turned the rule off, and what can be done with it. */
export function RuleRow({ rule, position, count, summary, isDropTarget, history, onHistory, onEdit, onDuplicate, onDelete, onToggle, onMove, onDragOver, onDrop }: RuleRowProps) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const [isConfirming, setIsConfirming] = useState(false);
  const when = (at: number) => formatRelative(at, Math.max(now, at), localeOf(i18n.language), t('rules.row.justNow'));
  const hits = rule.hitCount === 0 || rule.lastHitAt === null ? t('rules.row.hits_zero') : t('rules.row.hits', { count: rule.hitCount, when: when(rule.lastHitAt) });
  // Alt+↑/↓ on the focused row moves it, as the drag does.
  const onKeyDown = (event: KeyboardEvent) => {
    // Enter on the row itself (not on one of its buttons) opens it, as a double click would elsewhere;
    // consumed here, so it does not go on to submit the editor whose name field now has the keyboard.
    if (event.key === 'Enter' && event.target === event.currentTarget) {
      event.preventDefault();
      return onEdit();
    }
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    onMove(event.key === 'ArrowUp' ? -1 : 1);
  };
  const dragProps = {
    draggable: true,
    onDragStart: (event: DragEvent) => {
      event.dataTransfer.setData(RULE_DRAG_TYPE, rule.id);
      event.dataTransfer.effectAllowed = 'move';
    },
    onDragOver: (event: DragEvent) => {
      if (!event.dataTransfer.types.includes(RULE_DRAG_TYPE)) return;
      event.preventDefault();
      onDragOver();
    },
    onDrop: (event: DragEvent) => {
      const dragged = event.dataTransfer.getData(RULE_DRAG_TYPE);
      if (!dragged) return;
      event.preventDefault();
      onDrop(dragged);
    },
  };
  return (
    <li
      className={`rule-row${isDropTarget ? ' drop-target' : ''}${rule.error ? ' has-error' : ''}`}
      data-rule-id={rule.id}
      tabIndex={0}
      aria-label={rule.name}
      aria-describedby={`rule-summary-${rule.id}`}
      onKeyDown={onKeyDown}
      {...dragProps}
    >
      <span className="rule-grip" aria-hidden="true" title={t('rules.row.drag')}>⠿</span>
      <label className="rule-switch" title={t(rule.isEnabled ? 'rules.row.on' : 'rules.row.off')}>
        <input type="checkbox" role="switch" checked={rule.isEnabled} aria-label={t('rules.row.isOn', { name: rule.name })} onChange={(event) => onToggle(event.target.checked)} />
      </label>
      <div className="rule-main">
        <div className="rule-name">
          <strong>{rule.name}</strong>
          {rule.builtIn ? <span className="badge">{t('rules.row.builtIn')}</span> : null}
          <span className="muted rule-hits">{hits}</span>
        </div>
        <p id={`rule-summary-${rule.id}`} className="rule-summary muted" title={summary} data-truncate>{summary}</p>
        {rule.error ? (
          <p className="rule-error" role="alert">
            {t('rules.row.error', { when: when(rule.error.at), message: rule.error.message })}{' '}
            <button type="button" onClick={() => onToggle(true)}>{t('rules.row.turnOnAgain')}</button>
          </p>
        ) : null}
        {isConfirming ? (
          <p className="rule-confirm" role="alert">
            {t('rules.row.confirmDelete', { name: rule.name })}{' '}
            <button type="button" className="danger" onClick={onDelete}>{t('rules.row.confirm')}</button>{' '}
            <button type="button" autoFocus onClick={() => setIsConfirming(false)}>{t('rules.row.keep')}</button>
          </p>
        ) : null}
        {history}
      </div>
      {/* While deletion is asked, its answer is the row's only choice. */}
      <div className="rule-buttons" hidden={isConfirming}>
        <button type="button" onClick={onEdit}>{t('rules.row.edit')}</button>
        <button type="button" onClick={onDuplicate}>{t('rules.row.duplicate')}</button>
        <button type="button" aria-expanded={history !== null} onClick={onHistory}>{t('rules.row.history')}</button>
        {/* Built-in rules (crisis words, obvious spam) are turned off, never deleted: the core refuses it. */}
        {rule.builtIn ? null : <button type="button" onClick={() => setIsConfirming(true)}>{t('rules.row.delete')}</button>}
        <button type="button" className="icon-button" aria-label={t('rules.row.moveUp', { name: rule.name })} disabled={position === 0} onClick={() => onMove(-1)}>↑</button>
        <button type="button" className="icon-button" aria-label={t('rules.row.moveDown', { name: rule.name })} disabled={position === count - 1} onClick={() => onMove(1)}>↓</button>
      </div>
    </li>
  );
}
