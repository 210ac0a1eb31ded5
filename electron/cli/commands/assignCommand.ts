import { z } from 'zod';
import { ASSIGN_NOTE_MAX } from '../../../shared/api/conversations';
import { CommandFailure, UsageError } from '../cliErrors';
import type { CliSession } from '../cliSession';
import { t } from '../cliText';
import { checked } from '../commandLine';
import { expectPositionals, type Command } from './command';

/** A teammate's id by name (case and accents as typed, spaces trimmed), `me`, or null for `nobody`. */
export async function personIdOf(session: CliSession, who: string): Promise<string | null> {
  if (who === 'nobody') return null;
  const people = await session.call('team.list', {});
  const wanted = who.trim().toLocaleLowerCase();
  const person = who === 'me' ? people.find((candidate) => candidate.isMe) : people.find((candidate) => candidate.name.trim().toLocaleLowerCase() === wanted);
  if (!person) throw new CommandFailure(t('assign.noTeammate', { name: who, team: people.map((candidate) => candidate.name).join(', ') || t('assign.nobodyYet') }));
  return person.id;
}

/** A hand-off, as the conversation's "Assign" does it in the app: the note is for whoever picks it up. */
export const assignCommand: Command = {
  usage: () => 'assign CONVERSATION_ID --to NAME|me|nobody [--note TEXT]',
  options: { to: { type: 'string' }, note: { type: 'string' } },
  async run(session, args) {
    const [id = ''] = expectPositionals(args, ['CONVERSATION_ID'], this.usage());
    const to = args.values.to;
    if (typeof to !== 'string') throw new UsageError(t('assign.toRequired', { usage: this.usage() }));
    const note = checked('--note', z.string().trim().max(ASSIGN_NOTE_MAX).optional(), args.values.note);
    const assigneeId = await personIdOf(session, to);
    await session.call('conversations.assign', { ids: [id], assigneeId, ...(note ? { note } : {}) });
    const { assigneeId: stored } = await session.call('conversations.get', { id });
    const json = { id, assigneeId: stored, note: note ?? null };
    const said = assigneeId === null ? (note ? 'assign.unassignedWithNote' : 'assign.unassigned') : note ? 'assign.assignedWithNote' : 'assign.assigned';
    return { json, text: t(said, { id, to }) };
  },
};
