import { useToastStore } from './toastStore';

/** Polite announcements for info, assertive for errors: screen readers hear both. */
export function Toasts() {
  const toasts = useToastStore((s) => s.toasts);
  return (
    <div className="toasts">
      <div role="status" aria-live="polite">
        {toasts.filter((toast) => toast.kind === 'info').map((toast) => <p key={toast.id} className="toast">{toast.text}</p>)}
      </div>
      <div role="alert" aria-live="assertive">
        {toasts.filter((toast) => toast.kind === 'error').map((toast) => <p key={toast.id} className="toast is-error">{toast.text}</p>)}
      </div>
    </div>
  );
}
