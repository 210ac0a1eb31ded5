import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appMenuTemplate, trayMenuTemplate } from './menu';
import { shellLocale, SHELL_STRINGS } from './shellStrings';

/** Every item of a template, submenus included, as "Top > Item" paths with their roles. */
function flatten(items: MenuItemConstructorOptions[], parent = ''): { path: string; role?: string; type?: string }[] {
  return items.flatMap((item) => {
    const path = parent ? `${parent} > ${item.label ?? '—'}` : (item.label ?? '—');
    const self = { path, role: item.role, type: item.type };
    return Array.isArray(item.submenu) ? [self, ...flatten(item.submenu, path)] : [self];
  });
}

const noActions = { openLogFolder: () => {} };

const labelsOf = (template: MenuItemConstructorOptions[]) => flatten(template).filter((item) => item.type !== 'separator').map((item) => item.path);

describe('appMenuTemplate', () => {
  it('speaks French to a French system', () => {
    const labels = labelsOf(appMenuTemplate({ locale: 'fr', platform: 'linux', isPackaged: true, actions: noActions }));
    expect(labels).toEqual([
      'Fichier', 'Fichier > Quitter',
      'Édition', 'Édition > Annuler', 'Édition > Rétablir', 'Édition > Couper', 'Édition > Copier', 'Édition > Coller', 'Édition > Tout sélectionner',
      'Affichage', 'Affichage > Recharger', 'Affichage > Taille réelle', 'Affichage > Zoom avant', 'Affichage > Zoom arrière', 'Affichage > Plein écran',
      'Fenêtre', 'Fenêtre > Réduire', 'Fenêtre > Fermer',
      'Aide', 'Aide > À propos de Pieuvre', 'Aide > Ouvrir le dossier du journal',
    ]);
  });

  it('opens the log folder from Help, on every platform', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      const actions = { openLogFolder: vi.fn() };
      const help = appMenuTemplate({ locale: 'en', platform, isPackaged: true, actions }).find((menu) => menu.label === 'Help');
      const item = (help?.submenu as MenuItemConstructorOptions[] | undefined)?.find((entry) => entry.label === 'Open Log Folder');
      (item?.click as () => void)();
      expect(actions.openLogFolder, platform).toHaveBeenCalledOnce();
    }
  });

  it('speaks English otherwise, with the same items', () => {
    const english = flatten(appMenuTemplate({ locale: 'en', platform: 'linux', isPackaged: true, actions: noActions }));
    const french = flatten(appMenuTemplate({ locale: 'fr', platform: 'linux', isPackaged: true, actions: noActions }));
    expect(english.map((item) => item.path)).toContain('Edit > Select All');
    expect(english.map(({ role, type }) => ({ role, type }))).toEqual(french.map(({ role, type }) => ({ role, type })));
  });

  it('labels every item, so no role falls back to untranslated text', () => {
    for (const locale of ['fr', 'en'] as const) {
      for (const platform of ['darwin', 'win32', 'linux']) {
        const items = flatten(appMenuTemplate({ locale, platform, isPackaged: false, actions: noActions })).filter((item) => item.type !== 'separator');
        expect(items.filter((item) => item.path.split(' > ').includes('—')), `${locale} ${platform}`).toEqual([]);
      }
    }
  });

  it('follows macOS conventions on macOS only', () => {
    const mac = appMenuTemplate({ locale: 'fr', platform: 'darwin', isPackaged: true, actions: noActions });
    expect(mac[0]?.label).toBe('Pieuvre');
    expect(labelsOf(mac)).toEqual(expect.arrayContaining(['Pieuvre > À propos de Pieuvre', 'Pieuvre > Masquer Pieuvre', 'Pieuvre > Quitter Pieuvre', 'Fichier > Fermer la fenêtre', 'Fenêtre > Tout ramener au premier plan']));
    expect(labelsOf(mac)).not.toContain('Aide > À propos de Pieuvre');
  });

  it('offers the developer tools only outside a packaged build', () => {
    const roles = (isPackaged: boolean) => flatten(appMenuTemplate({ locale: 'en', platform: 'linux', isPackaged, actions: noActions })).map((item) => item.role);
    expect(roles(false)).toContain('toggleDevTools');
    expect(roles(true)).not.toContain('toggleDevTools');
  });
});

describe('trayMenuTemplate', () => {
  const actions = () => ({ open: vi.fn(), quit: vi.fn(), setQuitOnWindowClose: vi.fn() });
  const click = (item: MenuItemConstructorOptions | undefined, checked?: boolean) =>
    (item?.click as (menuItem: { checked?: boolean }) => void)({ checked });

  it('says on Windows and Linux that Pieuvre keeps running, and offers to open, to quit on close, or to quit', () => {
    const fr = trayMenuTemplate({ locale: 'fr', platform: 'linux', quitOnWindowClose: false }, actions());
    expect(fr.map((item) => [item.label ?? item.type, item.type ?? 'normal', item.enabled ?? true, item.checked ?? null])).toEqual([
      ['Reste actif fenêtre fermée\u00a0: la synchro et les envois programmés continuent', 'normal', false, null],
      ['separator', 'separator', true, null],
      ['Ouvrir Pieuvre', 'normal', true, null],
      ['separator', 'separator', true, null],
      ['Quitter quand la fenêtre se ferme', 'checkbox', true, false],
      ['separator', 'separator', true, null],
      ['Quitter Pieuvre', 'normal', true, null],
    ]);
    expect(labelsOf(trayMenuTemplate({ locale: 'en', platform: 'win32', quitOnWindowClose: false }, actions()))).toEqual([
      'Keeps running with its window closed: sync and scheduled sends go on', 'Open Pieuvre', 'Quit when the window closes', 'Quit Pieuvre',
    ]);
  });

  it('drops the "keeps running" line once the person chose to quit on close', () => {
    const template = trayMenuTemplate({ locale: 'en', platform: 'linux', quitOnWindowClose: true }, actions());
    expect(labelsOf(template)).toEqual(['Open Pieuvre', 'Quit when the window closes', 'Quit Pieuvre']);
    expect(template.find((item) => item.type === 'checkbox')?.checked).toBe(true);
  });

  it('keeps the plain open-or-quit menu on macOS, where closing the window never quits', () => {
    expect(labelsOf(trayMenuTemplate({ locale: 'fr', platform: 'darwin', quitOnWindowClose: false }, actions()))).toEqual(['Ouvrir Pieuvre', 'Quitter Pieuvre']);
  });

  it('opens, quits, and passes the checkbox’s new state on', () => {
    const spies = actions();
    const template = trayMenuTemplate({ locale: 'en', platform: 'linux', quitOnWindowClose: false }, spies);
    const byLabel = (label: string) => template.find((item) => item.label === label);
    click(byLabel('Open Pieuvre'));
    click(byLabel('Quit when the window closes'), true);
    click(byLabel('Quit Pieuvre'));
    expect([spies.open.mock.calls, spies.setQuitOnWindowClose.mock.calls, spies.quit.mock.calls]).toEqual([[[]], [[true]], [[]]]);
  });
});

describe('shell strings', () => {
  it('picks French for any French locale and English for the rest', () => {
    expect(['fr', 'fr-CA', 'fr-FR', 'FR-be'].map(shellLocale)).toEqual(['fr', 'fr', 'fr', 'fr']);
    expect(['en-US', 'de', 'es-MX', ''].map(shellLocale)).toEqual(['en', 'en', 'en', 'en']);
  });

  it('counts unread conversations with the right plural and digit grouping', () => {
    expect([0, 1, 2, 12345].map(SHELL_STRINGS.fr.unread)).toEqual([
      'Pieuvre — aucune conversation non lue',
      'Pieuvre — 1 conversation non lue',
      'Pieuvre — 2 conversations non lues',
      'Pieuvre — 12\u00a0345 conversations non lues',
    ]);
    expect([0, 1, 2, 12345].map(SHELL_STRINGS.en.unread)).toEqual([
      'Pieuvre — no unread conversations',
      'Pieuvre — 1 unread conversation',
      'Pieuvre — 2 unread conversations',
      'Pieuvre — 12,345 unread conversations',
    ]);
  });
});
