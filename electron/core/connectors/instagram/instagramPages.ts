import { ConnectorError } from '../connector';
import { graphPageSchema, type GraphPage } from './instagramEntities';
import type { InstagramHttp } from './instagramHttp';

/** One page of a Graph edge; a body that is not a page is the platform's fault, tried again later. */
export async function readPage(http: InstagramHttp, path: string, query: Record<string, string>, signal: AbortSignal): Promise<GraphPage> {
  const body = await http.call({ path, query, signal });
  const page = graphPageSchema.safeParse(body);
  if (!page.success) throw new ConnectorError(`Instagram answered ${new URL(path, http.origin).pathname} with something that is not a page of results.`, 'transient');
  return page.data;
}

/**
 * Every entry of an edge, following `paging.next` within this call only: Meta says its cursors
 * expire and must not be stored, so a pass that stops starts the edge again.
 */
export async function readAllPages(http: InstagramHttp, path: string, query: Record<string, string>, signal: AbortSignal, maxPages = 200): Promise<unknown[]> {
  const entries: unknown[] = [];
  let page = await readPage(http, path, query, signal);
  entries.push(...page.data);
  for (let count = 1; page.paging?.next !== undefined && page.data.length > 0 && count < maxPages; count++) {
    page = await readPage(http, page.paging.next, {}, signal);
    entries.push(...page.data);
  }
  return entries;
}
