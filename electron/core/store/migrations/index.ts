import type { Migration } from '../migrate';
import { initial } from './0001-initial';
import { savedViews } from './0002-saved-views';
import { peopleAndDuty } from './0003-people-and-duty';
import { hostility } from './0004-hostility';
import { urgent } from './0005-urgent';
import { placeholder6 } from './0006-placeholder';
import { placeholder7 } from './0007-placeholder';
import { ledger } from './0008-ledger';

/** Every schema version in order. Append only. */
export const MIGRATIONS: readonly Migration[] = [initial, savedViews, peopleAndDuty, hostility, urgent, placeholder6, placeholder7, ledger];
