import { useState } from 'react';
import { foldText } from '../../../shared/text/foldText';
import { useTranslation } from 'react-i18next';
import { useListNavigation } from '../../lib/useListNavigation';
import { SHORTCUTS, type ActionId } from '../keyboard/keymap';
import { isActionAvailable, runAction } from '../keyboard/runAction';
import { Dialog } from './Dialog';
import { KeyCaps } from './KeyCaps';
import { useOverlayStore } from './overlayStore';

/** Every action by name (accents optional), with its shortcut: the way to learn the keys. */
export function CommandPalette() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const wanted = foldText(query);
  // A command is found by its name or by the other words people use for it ("paramètres" for Réglages).
  const commands = SHORTCUTS.filter(({ action }) => action !== 'palette' && isActionAvailable(action)).filter(({ action }) =>
    foldText(`${t(`actions.${action}`)} ${t(`palette.alsoKnownAs.${action}`, { defaultValue: '' })}`).includes(wanted),
  );
  const run = (action: ActionId) => {
    useOverlayStore.getState().close();
    runAction(action);
  };
  const list = useListNavigation({
    count: commands.length,
    hasTextField: true,
    idOf: (index) => `command-${index}`,
    onChoose: (index) => {
      const command = commands[index];
      if (command) run(command.action);
    },
  });
  return (
    <Dialog title={t('palette.title')}>
      <input
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-autocomplete="list"
        aria-activedescendant={list.activeId}
        aria-label={t('palette.placeholder')}
        placeholder={t('palette.placeholder')}
        value={query}
        onChange={(event) => { setQuery(event.target.value); list.setActive(0); }}
        onKeyDown={list.onKeyDown}
      />
      <ul id="palette-list" role="listbox" className="choice-list" aria-label={t('palette.title')}>
        {commands.length === 0 ? <li className="muted">{t('palette.empty')}</li> : null}
        {commands.map(({ action, keys }, index) => (
          <li key={action} {...list.optionProps(index)}>
            <span>{t(`actions.${action}`)}</span>
            <span className="keys"><KeyCaps keys={keys} /></span>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
