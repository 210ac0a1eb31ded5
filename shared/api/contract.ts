import type { z } from 'zod';
import { accountsContract } from './accounts';
import { conversationsContract } from './conversations';
import { demoContract } from './demo';
import { dutyContract } from './duty';
import { shieldContract } from './shield';
import { messagesContract } from './messages';
import { outboxContract } from './outbox';
import type { MethodContract } from './method';
import { templatesContract } from './templates';
import { viewsContract } from './views';

/** Every method of the core's API, by name. Adding a method: its domain file, then one handler. */
export const contract = {
  ...conversationsContract,
  ...messagesContract,
  ...accountsContract,
  ...demoContract,
  ...viewsContract,
  ...dutyContract,
  ...shieldContract,
  ...outboxContract,
  ...templatesContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M] extends MethodContract<z.ZodType, infer O> ? O : never;

export const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name);
