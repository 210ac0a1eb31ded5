import { create } from 'zustand';
import type { SensitiveTopic } from '../../../shared/api/sensitiveTopics';
import { call } from '../../app/coreClient';

type TopicInput = { name: string; words: string[]; startsOn: string; endsOn: string | null };

type SensitiveTopicsState = {
  topics: SensitiveTopic[] | null;
  load(): Promise<void>;
  save(topic: TopicInput, id?: string): Promise<SensitiveTopic>;
  remove(id: string): Promise<void>;
};

/** The team's sensitive topics, as the core keeps them: each change refetches the list. */
export const useSensitiveTopicsStore = create<SensitiveTopicsState>((set, get) => ({
  topics: null,
  async load() {
    set({ topics: await call('sensitiveTopics.list', {}) });
  },
  async save(topic, id) {
    const saved = await call('sensitiveTopics.save', id === undefined ? { topic } : { id, topic });
    await get().load();
    return saved;
  },
  async remove(id) {
    await call('sensitiveTopics.delete', { id });
    await get().load();
  },
}));
