import type { z } from 'zod';
import type { onCallInputSchema, OnCallSetup, TeamMember } from '../../../shared/api/team';
import type { CoreContext } from '../coreContext';
import type { DutyService, PersonNow } from '../duty/dutyService';
import { onCallSetup, setFixedOnCall, setRota } from './onCall';
import { addPerson, existingPerson, personSeqsOf, removePerson, updatePerson, type PersonInput, type PersonUpdate } from './teamStore';

const toMember = ({ person, duty, isOnCall }: PersonNow): TeamMember => ({
  id: person.id,
  isMe: person.isMe,
  name: person.name,
  avatarUrl: person.avatarUrl,
  schedule: person.schedule,
  acceptsUrgentOffDuty: person.acceptsUrgentOffDuty,
  notifications: person.notifications,
  isOnDuty: duty.isOnDuty,
  isOnCall,
});

/**
 * The people of the workspace and who is on call. Every change is a duty change for the
 * clients ("who is on now", the on-call badge) and re-arms the duty timer.
 */
export class TeamService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly duty: DutyService,
  ) {}

  list(): TeamMember[] {
    return this.duty.peopleNow().map(toMember);
  }

  add(input: PersonInput): TeamMember {
    return this.changed(addPerson(this.ctx.db, input, this.ctx.clock()).id);
  }

  update(update: PersonUpdate): TeamMember {
    return this.changed(updatePerson(this.ctx.db, update, this.ctx.clock()).id);
  }

  remove(id: string): { unassignedConversations: number } {
    const { unassignedIds } = removePerson(this.ctx.db, id, this.ctx.clock());
    this.duty.changed();
    if (unassignedIds.length > 0) this.ctx.events.emit('inbox.changed', { conversationIds: unassignedIds, everything: false });
    return { unassignedConversations: unassignedIds.length };
  }

  onCall(): OnCallSetup {
    return onCallSetup(this.ctx.db, this.ctx.clock());
  }

  setOnCall(input: z.output<typeof onCallInputSchema>): OnCallSetup {
    const { db } = this.ctx;
    if (input.mode === 'rota') setRota(db, input.rota, personSeqsOf(db, input.rota.personIds), this.ctx.clock());
    else setFixedOnCall(db, input.mode === 'fixed' ? existingPerson(db, input.personId).seq : null);
    this.duty.changed();
    return this.onCall();
  }

  private changed(id: string): TeamMember {
    this.duty.changed();
    const member = this.list().find((candidate) => candidate.id === id);
    if (!member) throw new Error(`Person ${id} vanished while being saved.`);
    return member;
  }
}
