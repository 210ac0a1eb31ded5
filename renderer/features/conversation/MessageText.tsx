import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { linkify } from '../../lib/linkify';

const FOLD_AT = 600;

/**
 * Platform text as text: React text nodes and http(s) links only, never HTML, so a message
 * holding `<script>` or `<img onerror>` shows those characters and runs nothing. Long texts fold.
 */
export function MessageText({ text }: { text: string }) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const isLong = text.length > FOLD_AT;
  const shown = isLong && !isOpen ? `${text.slice(0, FOLD_AT).trimEnd()}…` : text;
  return (
    <div className="message-text">
      <p>
        {linkify(shown).map((part, index) =>
          part.kind === 'link' ? (
            <a key={index} href={part.href} target="_blank" rel="noopener noreferrer">{part.text}</a>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </p>
      {isLong ? (
        <button type="button" className="link-button" aria-expanded={isOpen} onClick={() => setIsOpen(!isOpen)}>
          {isOpen ? t('pane.showLess') : t('pane.showMore')}
        </button>
      ) : null}
    </div>
  );
}
