import type { TFunction } from 'i18next';
import type { Message } from '../../../shared/domain/entities';

/**
 * Who wrote a message, as its thread names them. "You" only for what the person at this
 * desktop sent: a teammate's reply carries their name, an automatic one says what sent it, and
 * the brand's words from outside Pieuvre say where they came from.
 */
export function senderName(message: Pick<Message, 'author' | 'sentBy'>, t: TFunction): string {
  const author = message.author.name || message.author.handle;
  const { sentBy } = message;
  if (sentBy === null) return author;
  switch (sentBy.kind) {
    case 'person':
      if (sentBy.isMe) return t('pane.you');
      return sentBy.name || t('pane.unnamedTeammate');
    case 'away_reply':
      return t('pane.awayReply');
    case 'rule':
      return t('pane.rule', { name: sentBy.ruleName });
    case 'platform':
      return t('pane.outsidePieuvre', { account: author });
  }
}
