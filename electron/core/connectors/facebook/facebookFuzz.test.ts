import { describeConnectorFuzz } from '../../testing/connectorFuzz';
import { commentBody, messageBody } from './contract/graphAnswers';
import { seedContent } from './contract/graphContractState';
import { normaliseComment, normaliseMessage } from './facebookNormalise';

// Graph comments and Messenger messages, as the contract server answers them, through the
// shared connector fuzz (FUZZ_SEED=n replays a run).

const page = { id: '104857600123', name: 'Brûlerie du Quartier' };
const content = seedContent(60, { pageId: page.id, pageName: page.name, now: Date.UTC(2026, 11, 4), spanMs: 86_400_000, seed: 3 });
const post = { id: content.posts[0]!.id, message: 'Nouvelle saison', created_time: '2026-12-03T10:00:00+0000' };
const comments = content.comments.map(commentBody);
const messages = content.conversations.flatMap((conversation) => conversation.messages.map((message) => ({ conversation: conversation.id, payload: messageBody(message) })));

describeConnectorFuzz({
  name: 'Facebook',
  platform: 'facebook',
  externalId: page.id,
  normalise: (index, mutate) => {
    if (index % 3 !== 0) return [normaliseComment(mutate(comments[index % comments.length]), post, page)];
    const message = messages[index % messages.length]!;
    return [normaliseMessage(mutate(message.payload), message.conversation, page)];
  },
});
