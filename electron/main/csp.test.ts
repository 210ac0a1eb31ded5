import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, withContentSecurityPolicy } from './csp';

const directives = (policy: string) => new Map(policy.split('; ').map((directive) => {
  const [name = '', ...sources] = directive.split(' ');
  return [name, sources];
}));

describe('contentSecurityPolicy', () => {
  it('lets scripts and styles come only from the app itself: no inline, no eval, no remote', () => {
    const policy = directives(contentSecurityPolicy('app'));
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy('app')).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|http:|\*/);
  });

  it('allows avatars from https and data: URLs, and locks plugins, frames, base and forms', () => {
    const policy = directives(contentSecurityPolicy('app'));
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'https:']);
    for (const name of ['object-src', 'frame-src', 'base-uri', 'frame-ancestors', 'form-action']) {
      expect(policy.get(name), name).toEqual(["'none'"]);
    }
  });

  it('opens a WebSocket to 127.0.0.1 for the browser harness only', () => {
    expect(directives(contentSecurityPolicy('app')).get('connect-src')).toEqual(["'self'"]);
    expect(directives(contentSecurityPolicy('harness')).get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:*']);
    const withoutConnect = (policy: string) => policy.replace(/connect-src [^;]*/, '');
    expect(withoutConnect(contentSecurityPolicy('harness'))).toBe(withoutConnect(contentSecurityPolicy('app')));
  });
});

describe('withContentSecurityPolicy', () => {
  it('replaces whatever policy the response brought, whatever the header case, and keeps the rest', () => {
    const headers = { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] };
    expect(withContentSecurityPolicy(headers, "default-src 'self'")).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': ["default-src 'self'"],
    });
    expect(headers['content-security-policy']).toEqual(['default-src *']);
  });
});
