import { describe, expect, it, vi } from 'vitest';
import { applyUrlPolicy, isAppUrl, isExternalUrlAllowed, type GuardedContents } from './urlPolicy';

const APP_URL = 'pieuvre://app/index.html';

describe('isExternalUrlAllowed', () => {
  it('lets plain web pages go to the system browser', () => {
    expect(isExternalUrlAllowed('https://www.instagram.com/p/abc/?utm=x#c')).toBe(true);
    expect(isExternalUrlAllowed('http://exemple.quebec/contact')).toBe(true);
    expect(isExternalUrlAllowed('HTTPS://EXAMPLE.COM')).toBe(true);
  });

  it('refuses everything else', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'ms-msdt:/id PCWDiagnostic',
      'smb://attacker/share',
      'pieuvre://app/index.html',
      'mailto:someone@example.com',
      'https://user:pass@example.com/',
      'https://bank.example@evil.example/',
      'https://',
      '//example.com/protocol-relative',
      'not a url',
      '',
    ]) {
      expect(isExternalUrlAllowed(url), url).toBe(false);
    }
  });
});

describe('isAppUrl', () => {
  it("recognises the app's own pages only", () => {
    expect(isAppUrl('pieuvre://app/index.html#/inbox', APP_URL)).toBe(true);
    expect(isAppUrl('pieuvre://app/', APP_URL)).toBe(true);
    expect(isAppUrl('pieuvre://other/index.html', APP_URL)).toBe(false);
    expect(isAppUrl('https://app/index.html', APP_URL)).toBe(false);
    expect(isAppUrl('file:///index.html', APP_URL)).toBe(false);
    expect(isAppUrl('garbage', APP_URL)).toBe(false);
  });
});

/** A WebContents as far as the policy goes, driven the way Electron drives it. */
function fakeContents() {
  let onNavigate: (event: { url: string; preventDefault(): void }) => void = () => {};
  let onOpen: (details: { url: string }) => { action: 'deny' } = () => ({ action: 'deny' });
  const contents: GuardedContents = {
    on: (_event, listener) => (onNavigate = listener),
    setWindowOpenHandler: (handler) => (onOpen = handler),
  };
  const navigate = (url: string) => {
    const preventDefault = vi.fn();
    onNavigate({ url, preventDefault });
    return preventDefault.mock.calls.length > 0 ? 'denied' : 'allowed';
  };
  return { contents, navigate, open: (url: string) => onOpen({ url }) };
}

describe('applyUrlPolicy', () => {
  it('denies navigation away from the app and opens web links in the system browser instead', () => {
    const openExternal = vi.fn(() => Promise.resolve());
    const { contents, navigate } = fakeContents();
    applyUrlPolicy(contents, { appUrl: APP_URL, openExternal });

    expect(navigate('pieuvre://app/index.html')).toBe('allowed');
    expect(navigate('https://www.youtube.com/watch?v=1')).toBe('denied');
    expect(navigate('file:///home/ana/.ssh/id_ed25519')).toBe('denied');
    expect(openExternal.mock.calls).toEqual([['https://www.youtube.com/watch?v=1']]);
  });

  it('never opens a window: web links go to the system browser, the rest nowhere', () => {
    const openExternal = vi.fn(() => Promise.resolve());
    const { contents, open } = fakeContents();
    applyUrlPolicy(contents, { appUrl: APP_URL, openExternal });

    expect(open('https://bsky.app/profile/brulerie')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(open('pieuvre://app/index.html')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://bsky.app/profile/brulerie']]);
  });

  it('survives a system that cannot open the link', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { contents, open } = fakeContents();
    applyUrlPolicy(contents, { appUrl: APP_URL, openExternal: () => Promise.reject(new Error('no browser')) });
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(error).toHaveBeenCalled());
    error.mockRestore();
  });
});
