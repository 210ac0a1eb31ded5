import type { SensitiveCheck, SensitiveTopic } from '../../../shared/api/sensitiveTopics';
import { topicsTouched } from '../../../shared/sensitiveTopics/topicMatch';
import type { CoreContext } from '../coreContext';
import { activeTopics, deleteTopic, listTopics, saveTopic, type TopicInput } from './sensitiveTopicStore';

/** The team's sensitive topics: kept, and asked about before a person's reply or template goes. */
export class SensitiveTopicsService {
  constructor(private readonly ctx: Pick<CoreContext, 'db' | 'clock'>) {}

  list(): SensitiveTopic[] {
    return listTopics(this.ctx.db, this.ctx.clock());
  }

  save(topic: TopicInput, id?: string): SensitiveTopic {
    return saveTopic(this.ctx.db, topic, this.ctx.clock(), id);
  }

  delete(id: string): { isDeleted: boolean } {
    return { isDeleted: deleteTopic(this.ctx.db, id) };
  }

  /** Only active topics are touched: a topic over or not begun yet says nothing about today's reply. */
  check(text: string): SensitiveCheck {
    const active = activeTopics(this.ctx.db, this.ctx.clock());
    return { touches: topicsTouched(active, text), active: active.map((topic) => ({ topicId: topic.id, name: topic.name })) };
  }
}
