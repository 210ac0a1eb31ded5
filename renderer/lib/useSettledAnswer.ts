import { useEffect, useState } from 'react';

/**
 * What `ask` answers, asked again once `question` has stayed the same for `settleMs` (typing
 * paused): not a call per key. Null until known, or when asking failed; an answer to a question
 * since replaced is dropped.
 */
export function useSettledAnswer<T>(question: string, ask: () => Promise<T>, settleMs: number): T | null {
  const [answer, setAnswer] = useState<T | null>(null);
  useEffect(() => {
    let isCurrent = true;
    const timer = setTimeout(() => {
      ask().then(
        (result) => isCurrent && setAnswer(result),
        () => isCurrent && setAnswer(null),
      );
    }, settleMs);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
    // `question` says when to ask again; `ask` is a new function every render.
  }, [question, settleMs]);
  return answer;
}
