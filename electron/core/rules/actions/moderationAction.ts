import type { ActionRunner } from '../ruleActionContext';
import { skip } from './ruleEffect';

// The sends part of the rules work brings the real runners (moderation through the outbox); these keep the registry whole until then.
export const hideAction: ActionRunner<'hide'> = (_ctx, action) => skip(action, 'not available yet');
export const deleteAction: ActionRunner<'delete'> = (_ctx, action) => skip(action, 'not available yet');
