import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

type Props = {
  /** What the person should know first (a paragraph with `describedById`). */
  children: ReactNode;
  describedById: string;
  question: string;
  sendLabel: string;
  cancelLabel: string;
  className: string;
  boxRef?: RefObject<HTMLDivElement | null>;
  onSendAnyway: () => void;
  onCancel: () => void;
};

/**
 * A question asked above the composer before a send. Cancel takes the focus (as the app's other
 * questions do), so Enter alone never sends unread; Escape is Cancel. Keys typed here are not
 * shortcuts for the list.
 */
export function SendAnywayQuestion({ children, describedById, question, sendLabel, cancelLabel, className, boxRef, onSendAnyway, onCancel }: Props) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  const questionId = `${describedById}-question`;
  return (
    <div
      ref={boxRef}
      className={`${className} is-asking`}
      role="alertdialog"
      aria-labelledby={questionId}
      aria-describedby={describedById}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
        if (!['Tab', 'Enter', ' '].includes(event.key)) event.preventDefault();
      }}
    >
      {children}
      <p id={questionId} className="reply-arrived-question">{question}</p>
      <div className="reply-arrived-actions">
        <button type="button" ref={cancel} onClick={onCancel}>{cancelLabel}</button>
        <button type="button" className="primary" onClick={onSendAnyway}>{sendLabel}</button>
      </div>
    </div>
  );
}
