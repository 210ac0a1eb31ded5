import { useEffect, useState } from 'react';
import { foldText } from '../../../shared/text/foldText';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS, type ActionId } from '../keyboard/keymap';
import { isActionAvailable, runAction } from '../keyboard/runAction';
import { Dialog } from './Dialog';
import { KeyCaps } from './KeyCaps';
import { useOverlayStore } from './overlayStore';


/** Every action by name (accents optional), with its shortcut: the way to learn the keys. */
export function CommandPalette() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const commands = SHORTCUTS.filter(({ action }) => action !== 'palette' && isActionAvailable(action)).filter(({ action }) => foldText(t(`actions.${action}`)).includes(foldText(query)));
  const activeId = commands[active] ? `command-${commands[active].action}` : undefined;
  // The list scrolls: the arrow keys would otherwise move the choice out of sight.
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);
  const run = (action: ActionId) => {
    useOverlayStore.getState().close();
    runAction(action);
  };
  return (
    <Dialog title={t('palette.title')}>
      <input
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={activeId}
        aria-label={t('palette.placeholder')}
        placeholder={t('palette.placeholder')}
        value={query}
        onChange={(event) => { setQuery(event.target.value); setActive(0); }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setActive(Math.min(active + 1, commands.length - 1));
          else if (event.key === 'ArrowUp') setActive(Math.max(active - 1, 0));
          else if (event.key === 'Enter' && commands[active]) run(commands[active].action);
          else return;
          event.preventDefault();
        }}
      />
      <ul id="palette-list" role="listbox" className="choice-list" aria-label={t('palette.title')}>
        {commands.length === 0 ? <li className="muted">{t('palette.empty')}</li> : null}
        {commands.map(({ action, keys }, index) => (
          <li key={action} id={`command-${action}`} role="option" aria-selected={index === active} className={index === active ? 'is-active' : ''} onClick={() => run(action)}>
            <span>{t(`actions.${action}`)}</span>
            <span className="keys"><KeyCaps keys={keys} /></span>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
