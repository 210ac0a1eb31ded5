import type { ConversationPresence, HubStatus, PresenceActivity } from '../../shared/api/hub';
import { ok } from '../../shared/api/result';
import type { RequestMessage } from '../../shared/api/wire';
import type { ApiServer } from '../../electron/core/api/apiServer';
import type { EventBus } from '../../electron/core/events';
import { LOCAL_ONLY } from '../../electron/core/teamHub/hubStatus';

/** A workspace this desktop is connected to, as `hub.status` would say, with made-up names. */
const CONNECTED: HubStatus = {
  ...LOCAL_ONLY,
  state: 'connected',
  workspace: { id: '6d0c1f44-0000-4000-8000-000000000001', name: 'Brûlerie' },
  hubAddress: '127.0.0.1:5432/pieuvre',
  isOwner: true,
  me: { role: 'pieuvre_0000000000000001', name: 'Alex' },
};

/** Teammates' presence, played by a test. */
export type PresenceStandIn = {
  /** What teammates now do: answered by `hub.presence` and pushed as its event, as the hub's would be. */
  show(list: ConversationPresence[]): void;
  /** What the renderer announced (each checked against the contract first), in order. */
  readonly announced: { conversationId: string; activity: PresenceActivity | null }[];
};

/**
 * Harness only: the team hub's status and presence played in front of the core's API, so the
 * renderer's presence and collision UI can be tried (and tested in Chromium) before a hub exists.
 * Every other method, and every input's check, is the core's own.
 */
export function withPresenceStandIn(server: ApiServer, events: EventBus): { server: ApiServer; standIn: PresenceStandIn } {
  let list: ConversationPresence[] = [];
  const announced: PresenceStandIn['announced'] = [];
  const answer = (request: RequestMessage, value: unknown) => ({ type: 'response' as const, id: request.id, result: ok(value) });
  return {
    standIn: {
      show(next) {
        list = next;
        events.emit('hub.presence', next);
      },
      announced,
    },
    server: {
      async handle(request) {
        if (request.method === 'hub.status') return answer(request, CONNECTED);
        if (request.method === 'hub.presence') return answer(request, list);
        const response = await server.handle(request);
        if (request.method === 'hub.announce' && response.result.ok) announced.push(request.input as PresenceStandIn['announced'][number]);
        return response;
      },
    },
  };
}
