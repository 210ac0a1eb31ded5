import type { z } from 'zod';
import { accountsContract } from './accounts';
import { appContract } from './app';
import { awayRepliesContract } from './awayReplies';
import { businessHoursContract } from './businessHours';
import { conversationsContract } from './conversations';
import { databaseContract } from './database';
import { dataContract } from './data';
import { demoContract } from './demo';
import { digestContract } from './digest';
import { draftsContract } from './drafts';
import { hubContract } from './hub';
import { dutyContract } from './duty';
import { shieldContract } from './shield';
import { messagesContract } from './messages';
import { notesContract } from './notes';
import { moderationContract } from './moderation';
import { outboxContract } from './outbox';
import { rejectedContract } from './rejected';
import { sensitiveTopicsContract } from './sensitiveTopics';
import { repliesContract } from './replies';
import { rulesContract } from './rules';
import type { MethodContract } from './method';
import { teamContract } from './team';
import { templatesContract } from './templates';
import { viewsContract } from './views';
import { wellbeingContract } from './wellbeing';

/** Every method of the core's API, by name. Adding a method: its domain file, then one handler. */
export const contract = {
  ...appContract,
  ...databaseContract,
  ...conversationsContract,
  ...messagesContract,
  ...accountsContract,
  ...demoContract,
  ...viewsContract,
  ...dutyContract,
  ...shieldContract,
  ...outboxContract,
  ...draftsContract,
  ...repliesContract,
  ...teamContract,
  ...businessHoursContract,
  ...digestContract,
  ...wellbeingContract,
  ...hubContract,
  ...moderationContract,
  ...templatesContract,
  ...awayRepliesContract,
  ...dataContract,
  ...rejectedContract,
  ...rulesContract,
  ...sensitiveTopicsContract,
  ...notesContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M] extends MethodContract<z.ZodType, infer O> ? O : never;

export const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name);
