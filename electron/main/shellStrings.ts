/** The shell's own few words (menus, tray, dialogs); the renderer has its own i18n. */
export type ShellLocale = 'fr' | 'en';

/** `app.getLocale()` gives 'fr', 'fr-CA', 'en-US'...: French for any French, English otherwise. */
export const shellLocale = (appLocale: string): ShellLocale => (appLocale.toLowerCase().startsWith('fr') ? 'fr' : 'en');

const count = (locale: ShellLocale, n: number) => new Intl.NumberFormat(locale === 'fr' ? 'fr-CA' : 'en-CA').format(n);

const en = {
  file: 'File',
  edit: 'Edit',
  view: 'View',
  window: 'Window',
  help: 'Help',
  about: 'About Pieuvre',
  services: 'Services',
  hide: 'Hide Pieuvre',
  hideOthers: 'Hide Others',
  showAll: 'Show All',
  quitApp: 'Quit Pieuvre',
  quit: 'Quit',
  closeWindow: 'Close Window',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  reload: 'Reload',
  devTools: 'Developer Tools',
  actualSize: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  fullScreen: 'Toggle Full Screen',
  minimize: 'Minimize',
  zoom: 'Zoom',
  close: 'Close',
  bringAllToFront: 'Bring All to Front',
  open: 'Open Pieuvre',
  openLogFolder: 'Open Log Folder',
  logFolderFailed: 'The log folder cannot be opened',
  logFolderProblem: (folder: string, problem: string) => `${problem}\n\nThe log is in ${folder}.`,
  unread: (n: number) =>
    n === 0 ? 'Pieuvre — no unread conversations' : `Pieuvre — ${count('en', n)} unread conversation${n === 1 ? '' : 's'}`,
  newMessage: (author: string) => `New message from ${author}`,
  newMessages: (n: number) => `${count('en', n)} new messages`,
  latest: (author: string, snippet: string) => `Latest, from ${author}: ${snippet}`,
  urgent: (author: string) => `Urgent: ${author}`,
  cannotStart: 'Pieuvre cannot start',
  coreStopped: (code: number) => `Pieuvre's core stopped unexpectedly (exit code ${code}). Everything already saved is kept; please restart Pieuvre.`,
};

export type ShellStrings = typeof en;

const fr: ShellStrings = {
  file: 'Fichier',
  edit: 'Édition',
  view: 'Affichage',
  window: 'Fenêtre',
  help: 'Aide',
  about: 'À propos de Pieuvre',
  services: 'Services',
  hide: 'Masquer Pieuvre',
  hideOthers: 'Masquer les autres',
  showAll: 'Tout afficher',
  quitApp: 'Quitter Pieuvre',
  quit: 'Quitter',
  closeWindow: 'Fermer la fenêtre',
  undo: 'Annuler',
  redo: 'Rétablir',
  cut: 'Couper',
  copy: 'Copier',
  paste: 'Coller',
  selectAll: 'Tout sélectionner',
  reload: 'Recharger',
  devTools: 'Outils de développement',
  actualSize: 'Taille réelle',
  zoomIn: 'Zoom avant',
  zoomOut: 'Zoom arrière',
  fullScreen: 'Plein écran',
  minimize: 'Réduire',
  zoom: 'Agrandir',
  close: 'Fermer',
  bringAllToFront: 'Tout ramener au premier plan',
  open: 'Ouvrir Pieuvre',
  openLogFolder: 'Ouvrir le dossier du journal',
  logFolderFailed: 'Le dossier du journal ne peut pas être ouvert',
  logFolderProblem: (folder: string, problem: string) => `${problem}\n\nLe journal se trouve dans ${folder}.`,
  unread: (n: number) =>
    n === 0 ? 'Pieuvre — aucune conversation non lue' : `Pieuvre — ${count('fr', n)} conversation${n === 1 ? '' : 's'} non lue${n === 1 ? '' : 's'}`,
  newMessage: (author: string) => `Nouveau message de ${author}`,
  newMessages: (n: number) => `${count('fr', n)} nouveaux messages`,
  latest: (author: string, snippet: string) => `Le plus récent, de ${author}\u00a0: ${snippet}`,
  urgent: (author: string) => `Urgent\u00a0: ${author}`,
  cannotStart: 'Pieuvre ne peut pas démarrer',
  coreStopped: (code: number) => `Le cœur de Pieuvre s'est arrêté de façon inattendue (code ${code}). Tout ce qui était enregistré est conservé ; relancez Pieuvre.`,
};

export const SHELL_STRINGS: Record<ShellLocale, ShellStrings> = { fr, en };
