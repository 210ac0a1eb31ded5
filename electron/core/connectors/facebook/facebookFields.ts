/** The fields each read asks for: only what the normalisers map (PLATFORMS' Facebook row of the mapping). */
export const POST_FIELDS = 'id,message,created_time,updated_time,permalink_url';
export const COMMENT_FIELDS = 'id,message,created_time,from,parent{id},permalink_url,is_hidden,attachment';
export const CONVERSATION_FIELDS = 'id,updated_time,link';
export const MESSAGE_FIELDS = 'id,created_time,from,to,message,attachments';
/** Graph's largest page for these edges. */
export const PAGE_LIMIT = '100';
/** Messenger shows a conversation's latest messages in detail only. */
export const MESSAGES_LIMIT = '25';
