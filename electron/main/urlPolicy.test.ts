import { describe, expect, it, vi } from 'vitest';
import { applyUrlPolicy, externalUrlVerdict, isAppUrl, type GuardedContents, type LinkRisk } from './urlPolicy';

const APP_URL = 'pieuvre://app/index.html';

describe('externalUrlVerdict', () => {
  const verdicts = (urls: string[]) => Object.fromEntries(urls.map((url) => [url, externalUrlVerdict(url)]));

  it('opens public https pages at once', () => {
    const urls = ['https://www.instagram.com/p/abc/?utm=x#c', 'HTTPS://EXAMPLE.COM', 'https://172.32.0.1/', 'https://[2001:db8::1]/', 'https://cafe.quebec/'];
    expect(verdicts(urls)).toEqual(Object.fromEntries(urls.map((url) => [url, { action: 'open' }])));
  });

  it('asks before a plain-http page', () => {
    expect(externalUrlVerdict('http://exemple.quebec/contact')).toEqual({ action: 'ask', risk: 'insecure' });
  });

  it('asks before a page on this computer or the local network, http or https', () => {
    const urls = [
      'http://localhost:3000/', 'https://LOCALHOST./admin', 'http://app.localhost/', 'http://127.0.0.1/', 'http://127.8.9.10/',
      'http://0x7f.1/', 'http://2130706433/', 'http://0.0.0.0/', 'https://10.0.0.1/', 'http://172.16.0.1/', 'http://172.31.255.255/',
      'http://192.168.1.1/', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]:8080/', 'http://[::]/', 'http://[fd12:3456::1]/',
      'http://[fc00::1]/', 'http://[fe80::1]/', 'http://[::ffff:127.0.0.1]/', 'http://[::ffff:192.168.0.1]/', 'http://imprimante.local/',
      'http://router/', 'http://nas.lan/', 'http://box.home.arpa/',
    ];
    expect(verdicts(urls)).toEqual(Object.fromEntries(urls.map((url) => [url, { action: 'ask', risk: 'localNetwork' }])));
  });

  it('refuses everything else, credentials included', () => {
    const urls = [
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
      'http://:secret@example.com/',
      'https://',
      '//example.com/protocol-relative',
      'not a url',
      '',
    ];
    expect(verdicts(urls)).toEqual(Object.fromEntries(urls.map((url) => [url, { action: 'refuse' }])));
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

/** The person's answers to "Open this link?", recorded. */
const answering = (isYes: boolean) => vi.fn((_url: string, _risk: LinkRisk) => Promise.resolve(isYes));

describe('applyUrlPolicy', () => {
  it('denies navigation away from the app and opens web links in the system browser instead', () => {
    const openExternal = vi.fn(() => Promise.resolve());
    const { contents, navigate } = fakeContents();
    applyUrlPolicy(contents, { appUrl: APP_URL, openExternal, confirm: answering(true) });

    expect(navigate('pieuvre://app/index.html')).toBe('allowed');
    expect(navigate('https://www.youtube.com/watch?v=1')).toBe('denied');
    expect(navigate('file:///home/ana/.ssh/id_ed25519')).toBe('denied');
    expect(openExternal.mock.calls).toEqual([['https://www.youtube.com/watch?v=1']]);
  });

  it('never opens a window: web links go to the system browser, the rest nowhere', () => {
    const openExternal = vi.fn(() => Promise.resolve());
    const confirm = answering(true);
    const { contents, open } = fakeContents();
    applyUrlPolicy(contents, { appUrl: APP_URL, openExternal, confirm });

    expect(open('https://bsky.app/profile/brulerie')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(open('pieuvre://app/index.html')).toEqual({ action: 'deny' });
    expect(open('https://bank.example@evil.example/')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://bsky.app/profile/brulerie']]);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('opens an http or local-network link only once the person agrees', async () => {
    const openExternal = vi.fn(() => Promise.resolve());
    const confirm = vi.fn((url: string, _risk: LinkRisk) => Promise.resolve(url.includes('192.168')));
    const { contents, open, navigate } = fakeContents();
    applyUrlPolicy(contents, { appUrl: APP_URL, openExternal, confirm });

    open('http://exemple.quebec/');
    expect(navigate('http://192.168.1.1/admin')).toBe('denied');
    await vi.waitFor(() => expect(confirm).toHaveBeenCalledTimes(2));
    expect(confirm.mock.calls).toEqual([['http://exemple.quebec/', 'insecure'], ['http://192.168.1.1/admin', 'localNetwork']]);
    await vi.waitFor(() => expect(openExternal.mock.calls).toEqual([['http://192.168.1.1/admin']]));
  });

  it('survives a system that cannot open the link', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { contents, open } = fakeContents();
    applyUrlPolicy(contents, { appUrl: APP_URL, openExternal: () => Promise.reject(new Error('no browser')), confirm: answering(true) });
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(error).toHaveBeenCalled());
    error.mockRestore();
  });
});
