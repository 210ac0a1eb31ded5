import type { SendWhen } from '../../../shared/api/outbox';
import { call } from '../../app/coreClient';

/** Why a send asks first: its text touches an active topic, or it is scheduled while one is active. */
export type SensitiveWarning = { kind: 'touches'; name: string; word: string } | { kind: 'scheduled'; name: string };

/**
 * What to warn about before this text goes (null: nothing). Touching a topic comes first: it
 * names the word. A scheduled send (any time but now) while a topic is active asks too: it goes
 * out later, into whatever the news is then.
 */
export async function sensitiveWarningFor(text: string, when: SendWhen | null): Promise<SensitiveWarning | null> {
  const { touches, active } = await call('sensitiveTopics.check', { text });
  const [touched] = touches;
  if (touched) return { kind: 'touches', name: touched.name, word: touched.word };
  const [first] = active;
  return first && when !== null && when.kind !== 'now' ? { kind: 'scheduled', name: first.name } : null;
}
