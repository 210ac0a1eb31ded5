import { useTranslation } from 'react-i18next';
import { SendAnywayQuestion } from '../composer/SendAnywayQuestion';
import { collisionText, type Collision } from './teammateCollision';

const TEXT_ID = 'teammate-collision';

/** "Marc replied 2 minutes ago. Send anyway?", asked above the composer before sending. */
export function CollisionQuestion({ collision, askedAt, onSendAnyway, onCancel }: { collision: Collision; askedAt: number; onSendAnyway: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <SendAnywayQuestion
      className="reply-arrived"
      describedById={TEXT_ID}
      question={t('presence.question')}
      sendLabel={t('presence.sendAnyway')}
      cancelLabel={t('presence.cancel')}
      onSendAnyway={onSendAnyway}
      onCancel={onCancel}
    >
      <p id={TEXT_ID}>{collisionText(t, collision, askedAt)}</p>
    </SendAnywayQuestion>
  );
}
