import i18next from 'i18next';
import { MAX_REPORTED_MESSAGE, MAX_REPORTED_STACK } from '../../shared/api/app';
import type { ApiClient } from '../../shared/api/client';
import { useToastStore } from '../features/toast/toastStore';

/** What a thrown value says about itself, cut to what `app.log` accepts. */
export function describeFailure(reason: unknown): { message: string; stack?: string } {
  const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
  if (reason instanceof Error) {
    const message = cut(reason.message || reason.name, MAX_REPORTED_MESSAGE);
    return reason.stack ? { message, stack: cut(reason.stack, MAX_REPORTED_STACK) } : { message };
  }
  if (typeof reason === 'string') return { message: cut(reason, MAX_REPORTED_MESSAGE) };
  let text: string | undefined;
  try {
    text = JSON.stringify(reason);
  } catch {
    // A cycle, a BigInt: its plain string form says enough.
  }
  return { message: cut(text ?? String(reason), MAX_REPORTED_MESSAGE) };
}

/**
 * The last net under every promise and event handler of the window: a failure nobody caught
 * is shown to the person, in their language and saying what went wrong, and written to the
 * core's log. Without it a failed click does nothing visible and leaves no trace. Returns the
 * function that removes the net.
 */
export function reportUnhandledErrors(target: Window, client: Pick<ApiClient, 'call'>): () => void {
  const report = (source: 'unhandledrejection' | 'error', reason: unknown) => {
    const failure = describeFailure(reason);
    useToastStore.getState().show('error', i18next.t('errors.unexpected', { message: failure.message }));
    // `call` never rejects (a failure comes back as a Result), and there is nowhere else to report one.
    void client.call('app.log', { level: 'error', source, ...failure });
  };
  const onRejection = (event: PromiseRejectionEvent) => report('unhandledrejection', event.reason);
  const onError = (event: ErrorEvent) => report('error', event.error ?? event.message);
  target.addEventListener('unhandledrejection', onRejection);
  target.addEventListener('error', onError);
  return () => {
    target.removeEventListener('unhandledrejection', onRejection);
    target.removeEventListener('error', onError);
  };
}
