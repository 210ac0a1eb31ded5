import type { Handlers } from '../apiServer';
import type { DatabaseHealth } from '../../health/databaseHealth';

export function databaseHandlers(health: DatabaseHealth): Pick<Handlers, 'database.status'> {
  return { 'database.status': () => health.status() };
}
