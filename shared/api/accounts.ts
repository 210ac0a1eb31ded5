import { z } from 'zod';
import type { Account } from '../domain/entities';
import { method } from './method';

export const accountsContract = {
  'accounts.list': method<Account[]>()(z.strictObject({})),
};
