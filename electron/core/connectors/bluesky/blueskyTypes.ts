import type { z } from 'zod';
import type { attachmentSchema } from '../../../../shared/domain/incomingItem';

export type AttachmentInput = z.input<typeof attachmentSchema>;

/** What a Bluesky message keeps for a reply or moderation: its post's and its thread root's strong refs. */
export type BlueskyRef = { uri: string; cid: string; rootUri: string; rootCid: string };
