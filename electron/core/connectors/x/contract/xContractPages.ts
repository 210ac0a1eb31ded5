import type { RecordedRequest, RecordedResponse } from '../../../testing/recordedServer';
import type { ContractPost, ContractUser } from './xContractData';

type Page<T> = { items: T[]; next: string | null };

const isNewer = (id: string, than: string): boolean => (id.length !== than.length ? id.length > than.length : id > than);
const problem = (parameter: string, value: string, detail: string): RecordedResponse => ({
  status: 400,
  headers: { 'content-type': 'application/problem+json' },
  body: { errors: [{ parameters: { [parameter]: [value] }, message: detail }], title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.x.com/2/problems/invalid-request' },
});

const refused = (parameter: string, value: string, detail: string) => ({ refused: problem(parameter, value, detail) });

/**
 * One page of a newest-first list as X pages it: `max_results` within the endpoint's bounds
 * (else X's invalid-request problem), `since_id`/`until_id` and `start_time`/`end_time` bounds,
 * and an opaque `pagination_token` naming where the next page starts.
 */
export function pageOf<T extends { id: string; created_at: string }>(request: RecordedRequest, newestFirst: readonly T[], bounds: { max: number; min: number }): Page<T> | { refused: RecordedResponse } {
  const query = request.query;
  const size = Number(query.get('max_results') ?? 10);
  if (!Number.isInteger(size) || size < bounds.min || size > bounds.max) return refused('max_results', String(query.get('max_results')), `The \`max_results\` query parameter value [${query.get('max_results')}] is not between ${bounds.min} and ${bounds.max}`);
  const since = query.get('since_id');
  const until = query.get('until_id');
  const start = query.get('start_time') === null ? null : Date.parse(query.get('start_time')!);
  if (start !== null && !Number.isFinite(start)) return refused('start_time', String(query.get('start_time')), 'Invalid date format for query parameter start_time.');
  if (start !== null && start < Date.parse('2010-11-06T00:00:01Z')) return refused('start_time', String(query.get('start_time')), 'Invalid \'start_time\':\'' + String(query.get('start_time')) + '\'. \'start_time\' must be on or after 2010-11-06T00:00:01Z');
  const token = query.get('pagination_token');
  const after = token === null ? null : Buffer.from(token, 'base64url').toString('utf8');
  if (token !== null && !/^[0-9]{1,19}$/u.test(after ?? '')) return refused('pagination_token', token, 'The `pagination_token` query parameter value is not valid.');
  const kept = newestFirst.filter((item) => (since === null || isNewer(item.id, since)) && (until === null || isNewer(until, item.id)) && (start === null || Date.parse(item.created_at) >= start) && (after === null || isNewer(after, item.id)));
  const items = kept.slice(0, size);
  const next = kept.length > size ? Buffer.from(items.at(-1)!.id, 'utf8').toString('base64url') : null;
  return { items, next };
}

/** A page of posts with what X expands: their authors (`includes.users`) and the posts they reference (`includes.tweets`). */
export function listAnswer(request: RecordedRequest, newestFirst: readonly ContractPost[], users: ReadonlyMap<string, ContractUser>, options: { max: number; min: number; posts?: readonly ContractPost[] }): RecordedResponse {
  const page = pageOf(request, newestFirst, options);
  if ('refused' in page) return page.refused;
  if (page.items.length === 0) return { body: { meta: { result_count: 0 } } };
  const expansions = (request.query.get('expansions') ?? '').split(',');
  const includes: Record<string, unknown> = {};
  if (expansions.includes('author_id')) includes.users = [...new Set(page.items.map((post) => post.author_id))].flatMap((id) => (users.has(id) ? [users.get(id)!] : []));
  if (expansions.includes('referenced_tweets.id') && options.posts) {
    const referenced = page.items.flatMap((post) => post.referenced_tweets ?? []).flatMap((reference) => options.posts!.filter((post) => post.id === reference.id));
    if (referenced.length > 0) includes.tweets = referenced;
  }
  const meta = { newest_id: page.items[0]!.id, oldest_id: page.items.at(-1)!.id, result_count: page.items.length, ...(page.next ? { next_token: page.next } : {}) };
  return { body: { data: page.items, ...(Object.keys(includes).length > 0 ? { includes } : {}), meta } };
}
