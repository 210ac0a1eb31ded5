/**
 * The web permissions the page may have: writing to the clipboard (copy). No camera,
 * microphone, location, web notifications (the shell shows those itself), USB, serial...
 * Both Chromium's requests and its silent checks (`navigator.permissions.query`, some APIs
 * that never prompt) go through this one list.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export const isPermissionAllowed = (permission: string): boolean => ALLOWED_PERMISSIONS.has(permission);
