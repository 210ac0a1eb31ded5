/**
 * What main and the preload agree on. The page never sees these: it gets `window.pieuvre`.
 * Dependency-free, because the sandboxed preload can load nothing but `electron`.
 */

/** Preload → main: this page wants a port to the core. */
export const REQUEST_CORE_PORT_CHANNEL = 'pieuvre:request-core-port';
/** Main → preload: here it is, in `event.ports[0]`. */
export const CORE_PORT_CHANNEL = 'pieuvre:core-port';
/** Main → preload, as a renderer command-line argument: sandboxed, the preload cannot ask `app`. */
export const APP_VERSION_ARGUMENT = '--pieuvre-app-version=';
/** Preload → main (invoke): show the native dialog to choose a backup to restore; answers its path or null. */
export const CHOOSE_BACKUP_FILE_CHANNEL = 'pieuvre:choose-backup-file';
