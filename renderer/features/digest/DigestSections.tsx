import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Capped, DigestActor, DigestItem, SinceYouLeft } from '../../../shared/api/digest';
import { PLATFORMS, type Platform } from '../../../shared/domain/platform';
import { isShielded } from '../shield/shieldStore';
import { PlatformIcon } from '../sidebar/PlatformIcon';

type NewCounts = SinceYouLeft['newConversations'];

/** The counts by platform (in the sidebar's order), each with its kinds. */
function byPlatform(counts: NewCounts): [Platform, NewCounts][] {
  const groups = new Map<Platform, NewCounts>();
  for (const row of counts) groups.set(row.platform, [...(groups.get(row.platform) ?? []), row]);
  return PLATFORMS.flatMap((platform) => {
    const rows = groups.get(platform);
    return rows ? [[platform, rows] as [Platform, NewCounts]] : [];
  });
}

export function NewConversations({ counts }: { counts: NewCounts }) {
  const { t } = useTranslation();
  const total = counts.reduce((sum, row) => sum + row.count, 0);
  return (
    <DigestSection id="digest-new" title={t('digest.newHeading', { count: total })}>
      {total === 0 ? (
        <p className="muted">{t('digest.noNew')}</p>
      ) : (
        <ul className="digest-platforms">
          {byPlatform(counts).map(([platform, rows]) => (
            <li key={platform}>
              <PlatformIcon platform={platform} />
              <span className="digest-platform-name">{t(`platform.${platform}`)}</span>
              <span className="digest-kinds">{rows.map((row) => t(`digest.kindCount.${row.kind}`, { count: row.count })).join(' · ')}</span>
            </li>
          ))}
        </ul>
      )}
    </DigestSection>
  );
}

export function DigestSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="digest-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

/**
 * One conversation the person can open: who, where, its latest words (shielded when hostile,
 * as in the list) and what the digest says about it.
 */
export function DigestEntry({ item, detail, isAlert = false, onOpen }: { item: DigestItem; detail: string; isAlert?: boolean; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const isHidden = isShielded(item.snippetHostility);
  return (
    <li>
      <button type="button" className="digest-entry" data-conversation-id={item.id} onClick={() => onOpen(item.id)}>
        <PlatformIcon platform={item.platform} />
        <span className="digest-entry-main">
          <span className="digest-entry-author">{item.contact.name || item.contact.handle}</span>
          <span className={`digest-entry-snippet${isHidden ? ' is-shielded' : ''}`} title={isHidden ? t('shield.hidden') : item.snippet} data-truncate>{isHidden ? t('shield.hidden') : item.snippet}</span>
          <span className={`digest-entry-detail${isAlert ? ' is-alert' : ''}`}>{detail}</span>
        </span>
      </button>
    </li>
  );
}

/** The entries of a capped list, and how many more there were. */
export function DigestList<T extends DigestItem>({ list, render }: { list: Capped<T>; render: (item: T) => ReactNode }) {
  const { t } = useTranslation();
  const more = list.total - list.items.length;
  return (
    <>
      <ul className="digest-entries">{list.items.map(render)}</ul>
      {more > 0 ? <p className="muted">{t('digest.more', { count: more })}</p> : null}
    </>
  );
}

/** The interpolation values every "who did it" sentence may use. */
export const actorValues = (by: DigestActor, platform: Platform, platformName: (platform: Platform) => string) => ({
  name: by.kind === 'teammate' ? by.name : '',
  platform: platformName(platform),
});
