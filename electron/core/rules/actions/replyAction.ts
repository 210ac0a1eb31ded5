import type { ActionRunner } from '../ruleActionContext';
import { skip } from './ruleEffect';

// The sends part of the rules work brings the real runner (templates through the outbox); this keeps the registry whole until then.
export const replyAction: ActionRunner<'reply'> = (_ctx, action) => skip(action, 'not available yet');
