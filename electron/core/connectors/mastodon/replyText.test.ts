import { describe, expect, it } from 'vitest';
import { replyText } from './replyText';

describe('replyText', () => {
  it('mentions everyone in the conversation but the brand, in front, once', () => {
    expect(replyText('Merci!', ['bob@other.example', 'carol', 'brulerie'], 'brulerie@mastodon.example', 'mastodon.example')).toBe('@bob@other.example @carol@mastodon.example Merci!');
  });

  it('leaves mentions the person wrote, in either form for the brand’s own server', () => {
    expect(replyText('@carol et @Bob@other.example : merci!', ['bob@other.example', 'carol'], 'brulerie@mastodon.example', 'mastodon.example')).toBe('@carol et @Bob@other.example : merci!');
    // @carolyn is someone else.
    expect(replyText('@carolyn merci', ['carol'], 'brulerie@mastodon.example', 'mastodon.example')).toBe('@carol@mastodon.example @carolyn merci');
  });
});
