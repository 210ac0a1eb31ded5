import { describe, expect, it } from 'vitest';
import { isPermissionAllowed } from './permissions';

describe('isPermissionAllowed', () => {
  it('grants the clipboard write the page needs and nothing else', () => {
    const permissions = ['clipboard-sanitized-write', 'clipboard-read', 'notifications', 'media', 'geolocation', 'openExternal', 'usb', 'serial', 'local-network-access', 'unknown'];
    expect(permissions.filter(isPermissionAllowed)).toEqual(['clipboard-sanitized-write']);
  });
});
