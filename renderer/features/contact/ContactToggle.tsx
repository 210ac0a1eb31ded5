import { useTranslation } from 'react-i18next';
import { useContactPanelStore } from './contactPanelStore';

/** In the conversation's header of a narrow window: shows or hides the folded contact card (CSS hides it in a wide one). */
export function ContactToggle() {
  const { t } = useTranslation();
  const isOpen = useContactPanelStore((s) => s.isOpen);
  return (
    <button type="button" className="contact-toggle" aria-expanded={isOpen} aria-controls="contact-card" onClick={() => useContactPanelStore.getState().setOpen(!isOpen)}>
      {t('contact.toggle')}
    </button>
  );
}
