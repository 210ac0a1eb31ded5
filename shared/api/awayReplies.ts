import { z } from 'zod';
import { method } from './method';

const id = z.string().min(1).max(64);

/** What one account (or, by default, every account) answers outside its business hours. */
export const awayReplySettingsSchema = z
  .strictObject({
    isEnabled: z.boolean(),
    /** The template sent, in the conversation's language; null while none is chosen. */
    templateId: id.nullable(),
    /** Public comments and mentions get one too; off by default, as an answer there is public. */
    includesComments: z.boolean().default(false),
  })
  .refine((settings) => !settings.isEnabled || settings.templateId !== null, { path: ['templateId'], message: 'choose the template to send' });
export type AwayReplySettings = z.output<typeof awayReplySettingsSchema>;

/** The workspace's default, and each connected account's own settings (null: it follows the default). */
export type AwayRepliesSetup = {
  workspace: AwayReplySettings;
  accounts: { accountId: string; own: AwayReplySettings | null }[];
};

/**
 * Why an away reply was not sent, as the history records it. The core decides more often
 * than this (inside business hours, comments left out, already answered this period) but
 * records only what a person would ask about: "why did this one get no away reply?".
 */
export const AWAY_SKIP_REASONS = ['spam', 'hostile', 'teammateReplied', 'noTemplate', 'templateProblem', 'platformRefused', 'openAgain'] as const;
export type AwaySkipReason = (typeof AWAY_SKIP_REASONS)[number];

export const awayRepliesContract = {
  'awayReplies.settings': method<AwayRepliesSetup>()(z.strictObject({})),
  /**
   * Sets the workspace's default (accountId null) or one account's own settings; null settings
   * make an account follow the default again. A template that does not exist is refused.
   */
  'awayReplies.setSettings': method<AwayRepliesSetup>()(
    z
      .strictObject({ accountId: id.nullable(), settings: awayReplySettingsSchema.nullable() })
      .refine((input) => input.accountId !== null || input.settings !== null, { path: ['settings'], message: 'the default for all accounts cannot be removed' }),
  ),
};
