import { describe, expect, it } from 'vitest';
import { attachmentSchema } from '../../../../shared/domain/incomingItem';
import { attachmentsOf } from './blueskyAttachments';

// Post records as app.bsky.feed.post and the embed lexicons shape them (blob refs as the PDS
// returns them in JSON: `{$type: 'blob', ref: {$link}, mimeType, size}`).

const DID = 'did:plc:ana4test';
const blob = (cid: string) => ({ $type: 'blob', ref: { $link: cid }, mimeType: 'image/jpeg', size: 1234 });
const images = { $type: 'app.bsky.embed.images', images: [{ image: blob('bafkimage1'), alt: 'Our latte art' }, { image: blob('bafkimage2'), alt: '' }] };

describe('attachmentsOf', () => {
  it('gives images with their alt text as CDN links, never loading them', () => {
    expect(attachmentsOf({ text: 'Look', embed: images }, DID)).toEqual([
      { kind: 'image', url: `https://cdn.bsky.app/img/feed_fullsize/plain/${DID}/bafkimage1@jpeg`, alt: 'Our latte art' },
      { kind: 'image', url: `https://cdn.bsky.app/img/feed_fullsize/plain/${DID}/bafkimage2@jpeg`, alt: null },
    ]);
  });

  it('gives a video, a link card with its title, the quoted post and the text’s links, each once', () => {
    const quote = { $type: 'app.bsky.embed.recordWithMedia', record: { record: { uri: 'at://did:plc:brand/app.bsky.feed.post/3kquoted', cid: 'bafyq' } }, media: { $type: 'app.bsky.embed.video', video: blob('bafkvideo'), alt: 'A tour' } };
    const facets = [
      { index: { byteStart: 0, byteEnd: 5 }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://example.com/a' }] },
      { index: { byteStart: 6, byteEnd: 11 }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://example.com/a' }, { $type: 'app.bsky.richtext.facet#tag', tag: 'coffee' }] },
    ];
    expect(attachmentsOf({ text: 'x', embed: quote, facets }, DID)).toEqual([
      { kind: 'video', url: `https://video.bsky.app/watch/${encodeURIComponent(DID)}/bafkvideo/playlist.m3u8`, alt: 'A tour' },
      { kind: 'link', url: 'https://bsky.app/profile/did:plc:brand/post/3kquoted', alt: null },
      { kind: 'link', url: 'https://example.com/a', alt: null },
    ]);
    const card = { $type: 'app.bsky.embed.external', external: { uri: 'https://example.com/menu', title: 'Menu', description: 'Our menu' } };
    expect(attachmentsOf({ text: 'x', embed: card }, DID)).toEqual([{ kind: 'link', url: 'https://example.com/menu', alt: 'Menu' }]);
  });

  it('leaves out what is unreadable or not a web address, and keeps at most 20', () => {
    const odd = { $type: 'app.bsky.embed.images', images: [{ image: { ref: 42 } }, null, { image: blob('bafkok') }] };
    const hostile = [{ features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'javascript:alert(1)' }] }, 'nonsense'];
    expect(attachmentsOf({ embed: odd, facets: hostile }, DID).map((attachment) => attachment.url)).toEqual([`https://cdn.bsky.app/img/feed_fullsize/plain/${DID}/bafkok@jpeg`]);
    const many = Array.from({ length: 30 }, (_, index) => ({ features: [{ $type: 'app.bsky.richtext.facet#link', uri: `https://example.com/${index}` }] }));
    const kept = attachmentsOf({ facets: many }, DID);
    expect(kept).toHaveLength(20);
    expect(kept.every((attachment) => attachmentSchema.safeParse(attachment).success)).toBe(true);
  });
});
