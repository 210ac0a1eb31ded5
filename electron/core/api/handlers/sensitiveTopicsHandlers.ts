import type { Handlers } from '../apiServer';
import type { SensitiveTopicsService } from '../../sensitiveTopics/sensitiveTopicsService';

export function sensitiveTopicsHandlers(topics: SensitiveTopicsService): Pick<Handlers, Extract<keyof Handlers, `sensitiveTopics.${string}`>> {
  return {
    'sensitiveTopics.list': () => topics.list(),
    'sensitiveTopics.save': ({ id, topic }) => topics.save(topic, id),
    'sensitiveTopics.delete': ({ id }) => topics.delete(id),
    'sensitiveTopics.check': ({ text }) => topics.check(text),
  };
}
