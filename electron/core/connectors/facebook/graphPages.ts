import { graphListSchema } from './facebookEntities';
import { unexpectedAnswer } from './graphHttp';
import type { PageCall, PageGraph } from './pageSession';

/**
 * The pages of a Graph list edge, newest first, read within one sync call: the `after` cursor of
 * each page asks for the next while `paging.next` says there is one. The cursors are never stored
 * (Meta: they expire and must not be kept); the caller stops reading when it reaches what it has.
 */
export async function* graphPages(graph: PageGraph, call: PageCall): AsyncGenerator<unknown[]> {
  let after: string | undefined;
  for (;;) {
    const body = await graph.call({ ...call, query: { ...call.query, after } });
    const list = graphListSchema.safeParse(body);
    if (!list.success) throw unexpectedAnswer(call.what);
    yield list.data.data;
    after = list.data.paging?.cursors?.after;
    if (list.data.paging?.next === undefined || after === undefined) return;
  }
}
