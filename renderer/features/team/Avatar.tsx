import { useState } from 'react';
import { avatarHue, initialsOf } from './avatar';

/**
 * A person's picture, or their initials on a colour of their own. Decorative: the name is
 * always written beside it. A picture that fails to load falls back to the initials.
 */
export function Avatar({ id, name, url }: { id: string; name: string; url: string | null }) {
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  if (url && url !== failedUrl) return <img className="avatar" src={url} alt="" width={32} height={32} onError={() => setFailedUrl(url)} />;
  return (
    // 32% lightness keeps white initials above 4.5:1 contrast on every hue.
    <span className="avatar" aria-hidden="true" style={{ backgroundColor: `hsl(${avatarHue(id)} 45% 32%)` }}>
      {initialsOf(name)}
    </span>
  );
}
