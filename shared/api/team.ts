import { z } from 'zod';
import { rotaSchema, type OnCallRota } from '../schedule/onCallRota';
import { scheduleSchema, type Schedule } from '../schedule/scheduleSchema';
import { method } from './method';
import { plainText } from '../text/plainText';

const id = z.string().min(1).max(64);

/** Which new messages make a notification: every one, only direct messages and mentions, or none. */
export const NEW_MESSAGE_NOTICES = ['all', 'mentionsAndDms', 'none'] as const;

/** A person's notification preferences; missing fields take their defaults (stored JSON from older versions too). */
export const notificationPreferencesSchema = z.strictObject({
  newMessages: z.enum(NEW_MESSAGE_NOTICES).default('all'),
  /** Urgent items that reach me make a notification (always, while I am on call). */
  urgent: z.boolean().default(true),
});
export type NotificationPreferences = z.output<typeof notificationPreferencesSchema>;

// Rendered in <img> only. SVG is refused: an image that can carry script is not worth the risk.
const AVATAR_URL = /^(https:\/\/[^\s/?#]+\S*|data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2})$/i;
/** 256 KiB: a data: avatar is a small picture, not a photo library. */
const MAX_AVATAR_URL = 262_144;
const avatarUrl = z
  .string()
  .trim()
  .max(MAX_AVATAR_URL, 'is too long (a data: image must be under 256 KiB)')
  .regex(AVATAR_URL, 'must be an https:// address or a data:image URL (PNG, JPEG, GIF or WebP)');

/** Whether a picture address is one Pieuvre shows: https, or an inline PNG, JPEG, GIF or WebP. */
export const isAvatarUrl = (url: string): boolean => avatarUrl.safeParse(url).success;

/** A person's name: what the team list shows and templates' `me.name`. */
export const personName = plainText(z.string().trim().min(1, 'must not be blank').max(80));
const name = personName;

export const personInputSchema = z.strictObject({
  name,
  avatarUrl: avatarUrl.nullable().default(null),
  /** Working hours; null means no set hours (always on duty). */
  schedule: scheduleSchema.nullable(),
  acceptsUrgentOffDuty: z.boolean().default(false),
  notifications: notificationPreferencesSchema.default({ newMessages: 'all', urgent: true }),
});

export const personUpdateSchema = z.strictObject({
  id,
  name: name.optional(),
  avatarUrl: avatarUrl.nullable().optional(),
  schedule: scheduleSchema.nullable().optional(),
  acceptsUrgentOffDuty: z.boolean().optional(),
  notifications: notificationPreferencesSchema.optional(),
});

/** A person in the workspace, with where they stand now. */
export type TeamMember = {
  id: string;
  isMe: boolean;
  /** Empty only for me before I set it. */
  name: string;
  avatarUrl: string | null;
  schedule: Schedule | null;
  acceptsUrgentOffDuty: boolean;
  notifications: NotificationPreferences;
  isOnDuty: boolean;
  /** On call now: the fixed on-call person, or this week's person on the rota. */
  isOnCall: boolean;
};

export const ON_CALL_MODES = ['none', 'fixed', 'rota'] as const;
export type OnCallMode = (typeof ON_CALL_MODES)[number];

export const onCallInputSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('none') }),
  z.strictObject({ mode: z.literal('fixed'), personId: id }),
  z.strictObject({
    mode: z.literal('rota'),
    rota: rotaSchema.refine((rota) => rota.personIds.length > 0, { path: ['personIds'], message: 'must name at least one person' }),
  }),
]);

/** Who receives urgent items when nobody is on duty. */
export type OnCallSetup = {
  mode: OnCallMode;
  /** The fixed on-call person (mode "fixed"). */
  personId: string | null;
  /** The rota, kept while another mode is chosen so it can be turned back on. */
  rota: OnCallRota | null;
  /** Who is on call now, whatever the mode. */
  onCallNow: string | null;
  /** The rota's next hand-over (mode "rota"). */
  nextHandoverAt: number | null;
};

export const teamContract = {
  /** Everyone in the workspace, me first, then by name. */
  'team.list': method<TeamMember[]>()(z.strictObject({})),
  'team.add': method<TeamMember>()(personInputSchema),
  /** Changes the given fields of a person (me included). */
  'team.update': method<TeamMember>()(personUpdateSchema),
  /** Removes a teammate (never me); their conversations become unassigned. */
  'team.remove': method<{ unassignedConversations: number }>()(z.strictObject({ id })),
  'team.onCall': method<OnCallSetup>()(z.strictObject({})),
  'team.setOnCall': method<OnCallSetup>()(onCallInputSchema),
};
