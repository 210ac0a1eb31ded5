import type { AttachmentInput } from './blueskyTypes';
import { postPermalink } from './blueskyPosts';

/** What Bluesky's CDN serves for an image blob (the URL only: Pieuvre never loads it unasked). */
const imageUrl = (did: string, cid: string) => `https://cdn.bsky.app/img/feed_fullsize/plain/${did}/${cid}@jpeg`;
const videoUrl = (did: string, cid: string) => `https://video.bsky.app/watch/${encodeURIComponent(did)}/${cid}/playlist.m3u8`;
const MAX_ATTACHMENTS = 20;
const HTTP_URL = /^https?:\/\/[^\s/?#]+\S*$/i;

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json | null => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null);
const asString = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** A blob reference's CID, in either of the shapes records carry (`ref.$link`, or the legacy `cid`). */
function blobCid(blob: unknown): string | null {
  const object = asObject(blob);
  return asString(asObject(object?.ref)?.$link) ?? asString(object?.cid);
}

/**
 * Images (with their alt text), videos, link cards (with their title), the quoted post and the
 * links of the text's facets, from a post record. What is unreadable is left out: the text
 * still arrives.
 */
export function attachmentsOf(record: Json, authorDid: string): AttachmentInput[] {
  const found = [...embedAttachments(asObject(record.embed), authorDid), ...facetLinks(record.facets)];
  const seen = new Set<string>();
  return found.filter((attachment) => HTTP_URL.test(attachment.url) && !seen.has(attachment.url) && seen.add(attachment.url)).slice(0, MAX_ATTACHMENTS);
}

function embedAttachments(embed: Json | null, did: string): AttachmentInput[] {
  switch (embed?.$type) {
    case 'app.bsky.embed.images':
      return (Array.isArray(embed.images) ? embed.images : []).flatMap((image: unknown) => {
        const cid = blobCid(asObject(image)?.image);
        return cid ? [{ kind: 'image' as const, url: imageUrl(did, cid), alt: asString(asObject(image)?.alt) || null }] : [];
      });
    case 'app.bsky.embed.video': {
      const cid = blobCid(embed.video);
      return cid ? [{ kind: 'video', url: videoUrl(did, cid), alt: asString(embed.alt) || null }] : [];
    }
    case 'app.bsky.embed.external': {
      const external = asObject(embed.external);
      const url = asString(external?.uri);
      return url ? [{ kind: 'link', url, alt: asString(external?.title) || null }] : [];
    }
    case 'app.bsky.embed.record': {
      const url = postPermalink(asString(asObject(embed.record)?.uri) ?? '', null);
      return url ? [{ kind: 'link', url, alt: null }] : [];
    }
    case 'app.bsky.embed.recordWithMedia':
      return [...embedAttachments(asObject(embed.media), did), ...embedAttachments({ $type: 'app.bsky.embed.record', record: asObject(embed.record)?.record }, did)];
    default:
      return [];
  }
}

function facetLinks(facets: unknown): AttachmentInput[] {
  if (!Array.isArray(facets)) return [];
  return facets.flatMap((facet: unknown) => {
    const features = asObject(facet)?.features;
    return (Array.isArray(features) ? features : []).flatMap((feature: unknown) => {
      const link = asObject(feature);
      const url = link?.$type === 'app.bsky.richtext.facet#link' ? asString(link.uri) : null;
      return url ? [{ kind: 'link' as const, url, alt: null }] : [];
    });
  });
}
