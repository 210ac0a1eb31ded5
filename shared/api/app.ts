import { z } from 'zod';
import { method } from './method';

export const appContract = {
  /**
   * Brings a conversation to the front in every window: what a click on a notification does.
   * The shell asks the core, which tells the windows (the `app.showConversation` event).
   */
  'app.showConversation': method<{ conversationId: string }>()(z.strictObject({ conversationId: z.string().min(1).max(64) })),
};
