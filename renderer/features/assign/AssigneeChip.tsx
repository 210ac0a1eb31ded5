import { Avatar } from '../team/Avatar';

/** Who a list row is assigned to: their picture (or initials) and name. The row's own label says it to screen readers. */
export function AssigneeChip({ id, name, avatarUrl }: { id: string; name: string; avatarUrl: string | null }) {
  return (
    <span className="chip assignee" aria-hidden="true">
      <Avatar id={id} name={name} url={avatarUrl} />
      {name}
    </span>
  );
}
