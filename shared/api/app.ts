import { z } from 'zod';
import { method } from './method';

export const appContract = {
  /**
   * Brings a conversation to the front in every window: what a click on a notification does.
   * The shell asks the core, which tells the windows (the `app.showConversation` event).
   */
  'app.showConversation': method<{ conversationId: string }>()(z.strictObject({ conversationId: z.string().min(1).max(64) })),
  /**
   * Quits the app: the way out of the damaged-database screen. The core tells the shell (the
   * `app.quit` event), which quits; closing the window alone keeps Pieuvre running on macOS.
   */
  'app.quit': method<Record<string, never>>()(z.strictObject({})),
};
