import { describe, expect, it } from 'vitest';
import { codeFromPasted } from './oauthCode';

describe('codeFromPasted', () => {
  it('takes the code alone, or out of the address the browser ended on, or out of its query', () => {
    expect(codeFromPasted('  4/0AbC-dEf_g  ')).toBe('4/0AbC-dEf_g');
    expect(codeFromPasted('http://127.0.0.1:53682/pieuvre/youtube/callback?state=s1&code=4%2F0AbC&scope=x#_')).toBe('4/0AbC');
    expect(codeFromPasted('state=s1&code=abc')).toBe('abc');
    // An address without a code is passed on as it is: the platform's refusal then names it.
    expect(codeFromPasted('http://127.0.0.1:1/callback?error=access_denied')).toBe('http://127.0.0.1:1/callback?error=access_denied');
  });
});
