import type { Migration } from '../migrate';
import { initial } from './0001-initial';
import { savedViews } from './0002-saved-views';
import { peopleAndDuty } from './0003-people-and-duty';
import { hostility } from './0004-hostility';
import { urgent } from './0005-urgent';
import { outbox } from './0006-outbox';
import { placeholder7 } from './0007-placeholder';
import { placeholder8 } from './0008-placeholder';
import { placeholder9 } from './0009-placeholder';
import { placeholder10 } from './0010-placeholder';
import { templates } from './0011-templates';

/** Every schema version in order. Append only. */
export const MIGRATIONS: readonly Migration[] = [initial, savedViews, peopleAndDuty, hostility, urgent, outbox, placeholder7, placeholder8, placeholder9, placeholder10, templates];
