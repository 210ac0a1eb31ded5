import { useEffect, useState } from 'react';

/**
 * What `ask` answers, asked again once `question` has stayed the same for `settleMs` (typing
 * paused): not a call per key. Null until known, or when asking failed; an answer to a question
 * since replaced is dropped.
 */
export function useSettledAnswer<T>(question: string, ask: () => Promise<T>, settleMs: number): T | null {
  return useSettledAnswerTo(question, ask, settleMs)?.answer ?? null;
}

/**
 * The same, with the question the answer is to: while a new question waits to settle, the
 * latest answer is to an earlier one, and a caller that can work out part of the new answer at
 * once (the composer's length) tells them apart.
 */
export function useSettledAnswerTo<T>(question: string, ask: () => Promise<T>, settleMs: number): { question: string; answer: T } | null {
  const [settled, setSettled] = useState<{ question: string; answer: T } | null>(null);
  useEffect(() => {
    let isCurrent = true;
    const timer = setTimeout(() => {
      ask().then(
        (answer) => isCurrent && setSettled({ question, answer }),
        () => isCurrent && setSettled(null),
      );
    }, settleMs);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
    // `question` says when to ask again; `ask` is a new function every render.
  }, [question, settleMs]);
  return settled;
}
