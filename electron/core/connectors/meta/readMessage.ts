import type { z } from 'zod';
import { readDated } from './readDated';

/** What Messenger and Instagram messages both carry: who sent one and, for the brand's own, to whom. */
type GraphMessage = { created_time: string; from: { id: string }; to?: { data: { id: string }[] } };

/**
 * A Messenger or Instagram message as Graph sends both, read through its schema and dated: whether
 * the brand wrote it, and the person it is with (the sender, or for the brand's own the first
 * recipient who is not the brand), whose id answers it; else why it cannot be a message.
 */
export function readMessage<T extends GraphMessage>(payload: unknown, schema: z.ZodType<T>, brandId: string): { message: T; createdAt: number; isOwn: boolean; personId: string } | { reason: string } {
  const read = readDated(payload, schema, 'message');
  if ('reason' in read) return read;
  const { value: message, createdAt } = read;
  const isOwn = message.from.id === brandId;
  const personId = isOwn ? message.to?.data.find((person) => person.id !== brandId)?.id : message.from.id;
  if (personId === undefined) return { reason: 'message: the brand’s message names no recipient' };
  return { message, createdAt, isOwn, personId };
}
