/**
 * The page parameters a `Link` header points to (RFC 8288), by relation: Mastodon pages
 * notifications with `<…?max_id=…>; rel="next"` (older) and `<…?min_id=…>; rel="prev"` (newer),
 * and its ids there need not be the ids of the items returned (grouped or filtered
 * notifications), so the header, when there is one, is what to follow.
 */
export function linkParams(header: string | null): Map<string, URLSearchParams> {
  const links = new Map<string, URLSearchParams>();
  for (const [, target, params] of (header ?? '').matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/g)) {
    const rel = /;\s*rel="?([^";]+)"?/i.exec(params ?? '')?.[1];
    if (!rel || target === undefined) continue;
    try {
      const url = new URL(target);
      for (const name of rel.split(/\s+/)) links.set(name.toLowerCase(), url.searchParams);
    } catch {
      // A relative or broken target: the ids of the page will do.
    }
  }
  return links;
}
