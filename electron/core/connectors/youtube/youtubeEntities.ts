import { z } from 'zod';

/**
 * The YouTube Data API v3 resources Pieuvre reads, as its reference describes them
 * (https://developers.google.com/youtube/v3/docs/comments, /commentThreads, /channels). Only the
 * fields used are required; everything else passes through untouched.
 */
/** Comment, thread, video and channel ids are URL-safe (letters, digits, `_`, `-`, and `.` in reply ids): anything else is not from YouTube. */
const youtubeId = z.string().regex(/^[\w.-]{1,512}$/u, 'is not a YouTube id');

export const commentSchema = z.object({
  id: youtubeId,
  snippet: z.object({
    authorDisplayName: z.string().max(512).optional(),
    authorProfileImageUrl: z.string().optional(),
    authorChannelUrl: z.string().optional(),
    authorChannelId: z.object({ value: youtubeId }).optional(),
    channelId: youtubeId.optional(),
    videoId: youtubeId.optional(),
    textDisplay: z.string().optional(),
    textOriginal: z.string().max(100_000).optional(),
    parentId: youtubeId.optional(),
    moderationStatus: z.string().optional(),
    publishedAt: z.string(),
    updatedAt: z.string().optional(),
  }),
});
export type YoutubeComment = z.output<typeof commentSchema>;

export const commentThreadSchema = z.object({
  id: youtubeId,
  snippet: z.object({
    channelId: youtubeId.optional(),
    videoId: youtubeId.optional(),
    topLevelComment: z.unknown(),
    canReply: z.boolean().optional(),
    totalReplyCount: z.number().int().min(0).optional(),
    isPublic: z.boolean().optional(),
  }),
  replies: z.object({ comments: z.array(z.unknown()) }).optional(),
});
export type YoutubeCommentThread = z.output<typeof commentThreadSchema>;

/** A list answer: its items stay unknown here, each is read on its own so that one bad item never loses the page. */
export const listResponseSchema = z.object({
  nextPageToken: z.string().min(1).optional(),
  pageInfo: z.object({ totalResults: z.number().optional(), resultsPerPage: z.number().optional() }).optional(),
  items: z.array(z.unknown()),
});

export const channelSchema = z.object({
  id: youtubeId,
  snippet: z.object({ title: z.string().max(512), customUrl: z.string().max(512).optional() }),
});

/** Google's error body: `{error: {code, message, errors: [{reason, domain, message}]}}` (https://developers.google.com/youtube/v3/docs/errors). */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.number().optional(),
    message: z.string().optional(),
    errors: z.array(z.object({ reason: z.string().optional(), domain: z.string().optional(), message: z.string().optional() })).optional(),
    status: z.string().optional(),
  }),
});
