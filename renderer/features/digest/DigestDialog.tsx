import { useTranslation } from 'react-i18next';
import type { SinceYouLeft } from '../../../shared/api/digest';
import type { Platform } from '../../../shared/domain/platform';
import { localeOf } from '../../i18n/i18n';
import { formatRecentDateTime, formatRelative, otherZoneName } from '../../lib/formatTime';
import { showConversation } from '../conversation/showConversation';
import { Dialog } from '../overlays/Dialog';
import { useOverlayStore } from '../overlays/overlayStore';
import { actorValues, DigestEntry, DigestList, DigestSection, NewConversations } from './DigestSections';
import { useDigestStore } from './digestStore';

/** Closing the digest records it as read. */
const openConversation = (id: string): void => void showConversation(id);

const isQuiet = (digest: SinceYouLeft) => digest.newConversations.length === 0 && digest.urgent.total === 0 && digest.assignedToMe.total === 0;

/** "Since you left": the period, then what came in, what was urgent and who handled it, what is mine, who waits longest. */
export function DigestDialog() {
  const { t } = useTranslation();
  const digest = useDigestStore((s) => s.digest);
  const error = useDigestStore((s) => s.error);
  return (
    <Dialog title={t('digest.title')}>
      {/* Focusable, so the keyboard scrolls a long digest; and so Enter never opens an item by surprise. */}
      <div className="digest" tabIndex={0}>
        {error ? <p role="alert" className="form-error">{t('digest.error', { message: error })}</p> : null}
        {digest ? <DigestBody digest={digest} /> : <p className="muted">{t('digest.loading')}</p>}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={() => useOverlayStore.getState().close()}>{t('digest.close')}</button>
      </div>
    </Dialog>
  );
}

function DigestBody({ digest }: { digest: SinceYouLeft }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  // In the person's zone, the one their hours are in: a Toronto shift ended at 17:00, not at 22:00 on a UTC computer.
  const when = (at: number) => formatRecentDateTime(at, digest.until, locale, digest.timeZone);
  const zone = otherZoneName(digest.timeZone, locale);
  const platformName = (platform: Platform) => t(`platform.${platform}`);
  return (
    <>
      <p className="digest-period">{t(`digest.since.${digest.sinceReason}`, { when: when(digest.since) })}</p>
      {zone === null ? null : <p className="muted digest-zone">{t('digest.zone', { zone })}</p>}
      {isQuiet(digest) ? (
        <p className="digest-quiet">{t('digest.quiet')}</p>
      ) : (
        <>
          <NewConversations counts={digest.newConversations} />
          <DigestSection id="digest-urgent" title={t('digest.urgentHeading', { count: digest.urgent.total })}>
            {digest.urgent.total === 0 ? <p className="muted">{t('digest.noUrgent')}</p> : null}
            <DigestList
              list={digest.urgent}
              render={(item) => {
                const { handled } = item;
                const detail = handled
                  ? t(`digest.${handled.how}.${handled.by.kind}`, { ...actorValues(handled.by, item.platform, platformName), when: when(handled.at) })
                  : t('digest.stillWaiting');
                return <DigestEntry key={item.id} item={item} detail={detail} isAlert={!handled} onOpen={openConversation} />;
              }}
            />
          </DigestSection>
          {digest.assignedToMe.total > 0 ? (
            <DigestSection id="digest-assigned" title={t('digest.assignedHeading', { count: digest.assignedToMe.total })}>
              <DigestList
                list={digest.assignedToMe}
                render={(item) => (
                  <DigestEntry key={item.id} item={item} detail={t(`digest.assigned.${item.by.kind}`, { ...actorValues(item.by, item.platform, platformName), when: when(item.assignedAt) })} onOpen={openConversation} />
                )}
              />
            </DigestSection>
          ) : null}
        </>
      )}
      {digest.oldestWaiting ? (
        <DigestSection id="digest-waiting" title={t('digest.waitingHeading')}>
          <ul className="digest-entries">
            <DigestEntry
              item={digest.oldestWaiting}
              detail={t('digest.waitingSince', { ago: formatRelative(digest.oldestWaiting.waitingSince, digest.until, locale, t('time.now')) })}
              onOpen={openConversation}
            />
          </ul>
        </DigestSection>
      ) : null}
    </>
  );
}
