/** The fields each read asks for, named as the IG Media, IG Comment and Conversation references name them. */
export const MEDIA_FIELDS = 'id,caption,permalink,timestamp,comments_count';
const COMMENT_FIELDS = 'id,text,timestamp,from{id,username},username,hidden,parent_id,like_count';
/** A comment with its replies expanded: one call per page of a media's comments. */
export const COMMENT_WITH_REPLIES_FIELDS = `${COMMENT_FIELDS},replies{${COMMENT_FIELDS}}`;
export const REPLY_FIELDS = COMMENT_FIELDS;
export const CONVERSATION_FIELDS = 'id,updated_time';
export const MESSAGE_FIELDS = 'id,created_time,from,to,message';
/** Graph pages hold at most this many entries when asked; Meta's default is 25. */
export const PAGE_LIMIT = '50';
