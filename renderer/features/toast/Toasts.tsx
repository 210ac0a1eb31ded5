import { useToastStore, type Toast } from './toastStore';

/** Polite announcements for info, assertive for errors: screen readers hear both. */
export function Toasts() {
  const toasts = useToastStore((s) => s.toasts);
  return (
    <div className="toasts">
      <div role="status" aria-live="polite">
        {toasts.filter((toast) => toast.kind === 'info').map((toast) => <ToastLine key={toast.id} toast={toast} />)}
      </div>
      <div role="alert" aria-live="assertive">
        {toasts.filter((toast) => toast.kind === 'error').map((toast) => <ToastLine key={toast.id} toast={toast} />)}
      </div>
    </div>
  );
}

function ToastLine({ toast }: { toast: Toast }) {
  const { action } = toast;
  return (
    <p className={`toast${toast.kind === 'error' ? ' is-error' : ''}`}>
      {toast.text}
      {action ? (
        <button
          type="button"
          className="toast-action"
          onClick={() => {
            useToastStore.getState().dismiss(toast.id);
            action.run();
          }}
        >
          {action.label}
        </button>
      ) : null}
    </p>
  );
}
