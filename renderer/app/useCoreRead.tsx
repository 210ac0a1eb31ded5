import { useEffect, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { call } from './coreClient';

export type CoreRead<T> = { value: T | null; failure: string | null; retry(): void };

/**
 * What a view reads from the core when it opens: the answer, or why the read failed and a way
 * to ask again. Read with a bare `then`, a failed read left its view busy for good.
 */
export function useCoreRead<M extends MethodName>(method: M, input: MethodInput<M>): CoreRead<MethodOutput<M>> {
  const [value, setValue] = useState<MethodOutput<M> | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // The input by value: a literal made on each render is the same question.
  const question = JSON.stringify(input);
  useEffect(() => {
    let isCurrent = true;
    call(method, JSON.parse(question) as MethodInput<M>).then(
      (answer) => isCurrent && setValue(() => answer),
      (error: unknown) => isCurrent && setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      isCurrent = false;
    };
  }, [method, question, attempt]);
  return {
    value,
    failure,
    retry: () => {
      setFailure(null);
      setAttempt((count) => count + 1);
    },
  };
}

/** A read that failed, said where its view would be, with "Try again". */
export function ReadFailed({ message, retryLabel, onRetry }: { message: string; retryLabel: string; onRetry(): void }) {
  return (
    <section className="settings-section">
      <p className="form-error" role="alert">{message}</p>
      <button type="button" onClick={onRetry}>{retryLabel}</button>
    </section>
  );
}
