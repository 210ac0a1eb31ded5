import { z } from 'zod';
import { method } from './method';

/** The longest error message and stack a window may report; longer ones are cut before sending. */
export const MAX_REPORTED_MESSAGE = 1_000;
export const MAX_REPORTED_STACK = 8_000;

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
  /**
   * A window reports an error nobody handled, for the core's log (redacted there like every
   * line). Bounded so a looping bug cannot fill the disk through it.
   */
  'app.log': method<{ isLogged: boolean }>()(
    z.strictObject({
      level: z.enum(['error', 'warn']),
      /** What caught it: `unhandledrejection` or `error`. */
      source: z.enum(['unhandledrejection', 'error']),
      message: z.string().max(MAX_REPORTED_MESSAGE),
      stack: z.string().max(MAX_REPORTED_STACK).optional(),
    }),
  ),
};
