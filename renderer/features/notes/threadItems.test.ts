import { describe, expect, it } from 'vitest';
import type { Note } from '../../../shared/api/notes';
import type { Message } from '../../../shared/domain/entities';
import { pendingHandOff, threadItems } from './threadItems';

const message = (id: string, createdAt: number, direction: 'in' | 'out' = 'in') => ({ id, createdAt, direction }) as Message;
const note = (id: string, createdAt: number, kind: Note['kind'] = 'note', to = 'me') =>
  ({ id, createdAt, kind, mentions: kind === 'handoff' ? [{ personId: to, name: 'Marc' }] : [] }) as unknown as Note;
/** A conversation assigned to me, with these messages. */
const mine = (messages: Message[]) => ({ messages, assigneeId: 'me' });

describe('the thread', () => {
  it('interleaves notes with messages by time, a note written at a message’s instant after it', () => {
    const items = threadItems([message('m1', 10), message('m2', 30)], [note('n1', 20), note('n2', 30)]);
    expect(items.map((item) => (item.kind === 'message' ? item.message.id : item.note.id))).toEqual(['m1', 'n1', 'm2', 'n2']);
  });

  it('shows the latest hand-off to me on top until a reply after it, or I close it', () => {
    const handOff = note('h1', 20, 'handoff');
    expect(pendingHandOff(mine([message('m1', 10)]), [handOff], 'me', [])).toBe(handOff);
    expect(pendingHandOff(mine([message('m1', 10), message('r1', 25, 'out')]), [handOff], 'me', [])).toBeNull();
    expect(pendingHandOff(mine([message('m1', 10)]), [handOff], 'me', ['h1'])).toBeNull();
    expect(pendingHandOff(mine([message('m1', 10)]), [note('h2', 20, 'handoff', 'julie')], 'me', [])).toBeNull();
    // A reply written before the hand-off does not answer it.
    expect(pendingHandOff(mine([message('r0', 5, 'out')]), [handOff], 'me', [])).toBe(handOff);
  });

  it('no longer shows the hand-off once the conversation is someone else’s, handed on without a note', () => {
    const handOff = note('h1', 20, 'handoff');
    expect(pendingHandOff({ messages: [message('m1', 10)], assigneeId: 'julie' }, [handOff], 'me', [])).toBeNull();
    expect(pendingHandOff({ messages: [message('m1', 10)], assigneeId: null }, [handOff], 'me', [])).toBeNull();
  });
});
