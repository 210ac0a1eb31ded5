import type { Handlers } from '../apiServer';
import type { CoreContext } from '../../coreContext';
import { dismissDigest, isDigestDue, sinceYouLeft } from '../../digest/sinceYouLeft';

export function digestHandlers(ctx: CoreContext): Pick<Handlers, 'digest.sinceYouLeft' | 'digest.isDue' | 'digest.dismiss'> {
  return {
    'digest.sinceYouLeft': () => sinceYouLeft(ctx.db, ctx.clock()),
    'digest.isDue': () => isDigestDue(ctx.db, ctx.clock()),
    'digest.dismiss': () => dismissDigest(ctx.db, ctx.clock()),
  };
}
