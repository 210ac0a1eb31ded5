import type { RecordedRequest, RecordedResponse } from '../../../testing/recordedServer';
import { graphTime, type Person, type StoredComment, type StoredMessage, type StoredPost } from './graphContractState';

let trace = 0;
/** Graph's error body, as the reference documents it, with a fresh `fbtrace_id`. */
export function graphErrorAnswer(status: number, code: number, message: string, subcode?: number, headers: Record<string, string> = {}): RecordedResponse {
  trace += 1;
  return { status, headers, body: { error: { message, type: code === 190 ? 'OAuthException' : code === 100 ? 'GraphMethodException' : 'OAuthException', code, ...(subcode === undefined ? {} : { error_subcode: subcode }), fbtrace_id: `AbCdEf${trace}` } } };
}

export const expiredToken = (): RecordedResponse => graphErrorAnswer(400, 190, 'Error validating access token: Session has expired on Friday, 04-Dec-26 10:00:00 PST. The current time is Saturday, 05-Dec-26 06:00:00 PST.', 463);
export const revokedToken = (): RecordedResponse => graphErrorAnswer(400, 190, 'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.', 460);
export const missingObject = (id: string): RecordedResponse =>
  graphErrorAnswer(400, 100, `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, 33);
/** `(#32) Page request limit reached` with the BUC header saying when access comes back. */
export const pageRateLimited = (pageId: string, minutes: number): RecordedResponse =>
  graphErrorAnswer(400, 32, 'Page request limit reached', undefined, {
    'x-business-use-case-usage': JSON.stringify({ [pageId]: [{ type: 'pages', call_count: 100, total_cputime: 30, total_time: 40, estimated_time_to_regain_access: minutes }] }),
  });
export const serverError = (): RecordedResponse => graphErrorAnswer(500, 2, 'An unexpected error has occurred. Please retry your request later.');

/**
 * One page of a list edge, as Graph pages: `data`, then `paging.cursors` (opaque) and `paging.next`
 * only while more follows. The cursor is the offset, encoded: a client must not read it.
 */
export function listPage(request: RecordedRequest, origin: string, all: readonly unknown[], defaultLimit = 25): RecordedResponse {
  const limit = Math.min(100, Math.max(1, Number(request.query.get('limit') ?? defaultLimit) || defaultLimit));
  const after = request.query.get('after');
  const start = after === null ? 0 : Number(Buffer.from(after, 'base64url').toString('utf8').replace(/^offset:/u, '')) || 0;
  const data = all.slice(start, start + limit);
  const cursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');
  const paging: Record<string, unknown> = { cursors: { before: cursor(start), after: cursor(start + data.length) } };
  if (start + data.length < all.length) {
    const next = new URL(request.path, origin);
    for (const [name, value] of request.query) if (name !== 'after') next.searchParams.set(name, value);
    next.searchParams.set('after', cursor(start + data.length));
    paging.next = next.toString();
  }
  return { body: data.length === 0 && start === 0 ? { data: [] } : { data, paging } };
}

export const postBody = (post: StoredPost) => ({ id: post.id, message: post.message, created_time: graphTime(post.createdAt), updated_time: graphTime(post.updatedAt), permalink_url: `https://www.facebook.com/${post.id.replace('_', '/posts/')}` });

export const commentBody = (comment: StoredComment) => ({
  id: comment.id,
  message: comment.message,
  created_time: graphTime(comment.createdAt),
  from: comment.from,
  ...(comment.parentId === null ? {} : { parent: { id: comment.parentId } }),
  permalink_url: `https://www.facebook.com/${comment.postId.replace('_', '/posts/')}?comment_id=${comment.id.split('_')[1] ?? comment.id}`,
  is_hidden: comment.isHidden,
  ...(comment.privateReplyConversation === undefined ? {} : { private_reply_conversation: { id: comment.privateReplyConversation } }),
});

export const messageBody = (message: StoredMessage) => ({ id: message.id, created_time: graphTime(message.createdAt), from: message.from, to: { data: [message.to satisfies Person] }, message: message.message });
