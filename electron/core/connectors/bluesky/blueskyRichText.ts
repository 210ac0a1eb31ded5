import { AppBskyRichtextFacet, RichText, type $Typed } from '@atproto/api';
import type { BlueskyClient } from './blueskyClient';

export type BlueskyRichText = { text: string; facets: AppBskyRichtextFacet.Main[] | undefined; graphemes: number };

/**
 * The text with its facets (Bluesky parses nothing server-side: a link or a mention is only one
 * when a facet with its UTF-8 byte range says so). Mentions are resolved to DIDs with the call's
 * signal; one that resolves to nobody stays plain text (RichText.detectFacets would leave an empty
 * DID there, which the PDS refuses).
 */
export async function richTextOf(client: BlueskyClient, text: string, signal: AbortSignal): Promise<BlueskyRichText> {
  const rich = new RichText({ text });
  rich.detectFacetsWithoutResolution();
  const facets = await Promise.all(
    (rich.facets ?? []).map(async (facet) => {
      const features = await Promise.all(facet.features.map(async (feature) => (AppBskyRichtextFacet.isMention(feature) ? resolveMention(client, feature, signal) : feature)));
      return { ...facet, features: features.filter((feature) => feature !== null) };
    }),
  );
  const kept = facets.filter((facet) => facet.features.length > 0);
  return { text: rich.text, facets: kept.length > 0 ? kept : undefined, graphemes: rich.graphemeLength };
}

async function resolveMention(client: BlueskyClient, mention: AppBskyRichtextFacet.Mention, signal: AbortSignal): Promise<$Typed<AppBskyRichtextFacet.Mention> | null> {
  const answer = await client.query('com.atproto.identity.resolveHandle', { handle: mention.did }, signal).catch(() => null);
  const did = (answer as { did?: unknown } | null)?.did;
  return typeof did === 'string' && did.startsWith('did:') ? { ...mention, $type: 'app.bsky.richtext.facet#mention', did } : null;
}
