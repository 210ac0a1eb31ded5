import type { Handlers } from '../apiServer';
import type { ModerationService } from '../../moderation/moderationService';

type ModerationMethods = Extract<keyof Handlers, `moderation.${string}`>;

export function moderationHandlers(moderation: ModerationService): Pick<Handlers, ModerationMethods> {
  return {
    'moderation.act': (request) => moderation.act(request),
    'moderation.capabilities': () => moderation.capabilities(),
  };
}
