import type { TFunction } from 'i18next';
import { avatarHue, initialsOf } from '../team/avatar';
import type { PresentPerson } from './presenceStore';

const SHOWN = 2;

/** "Julie is viewing, Marc is writing a reply": the badge's tooltip, and part of its row's name. */
export const presenceSaid = (t: TFunction, people: readonly PresentPerson[]): string =>
  people.map((person) => t(`presence.${person.activity}`, { name: person.name })).join(', ');

/**
 * On a list row: the initials of teammates viewing or writing in the conversation now (writing
 * marked), what they do on hover. Its words are in the row's name, for screen readers.
 */
export function PresenceBadge({ people, said }: { people: readonly PresentPerson[]; said: string }) {
  return (
    <span className="presence-badge" title={said} aria-hidden="true">
      {people.slice(0, SHOWN).map((person, index) => (
        // A name is all a teammate's presence carries: its colour comes from the name.
        <span key={`${index}-${person.name}`} className={`presence-initials is-${person.activity}`} style={{ backgroundColor: `hsl(${avatarHue(person.name)} 45% 32%)` }}>
          {initialsOf(person.name)}
        </span>
      ))}
      {people.length > SHOWN ? <span className="presence-more">+{people.length - SHOWN}</span> : null}
    </span>
  );
}
