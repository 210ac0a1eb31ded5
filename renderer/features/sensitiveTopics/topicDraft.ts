import type { SensitiveTopic } from '../../../shared/api/sensitiveTopics';

/** The topic form as typed: words as one text, a comma or a line between each. */
export type TopicDraft = { name: string; words: string; startsOn: string; endsOn: string };
export type TopicField = keyof TopicDraft;
export type TopicProblem = 'nameRequired' | 'wordsRequired' | 'wordStar' | 'startRequired' | 'endBeforeStart';

export const emptyDraft = (today: string): TopicDraft => ({ name: '', words: '', startsOn: today, endsOn: '' });

export const toDraft = (topic: SensitiveTopic): TopicDraft => ({ name: topic.name, words: topic.words.join(', '), startsOn: topic.startsOn, endsOn: topic.endsOn ?? '' });

/** Each word or phrase once, in the order typed. */
export const parseWords = (text: string): string[] => [...new Set(text.split(/[,\n]/u).map((word) => word.trim()).filter((word) => word !== ''))];

/** What the person must fix, by field, before the core is asked (the core checks again). */
export function draftProblems(draft: TopicDraft): Partial<Record<TopicField, TopicProblem>> {
  const words = parseWords(draft.words);
  const problems: Partial<Record<TopicField, TopicProblem>> = {};
  if (draft.name.trim() === '') problems.name = 'nameRequired';
  if (words.length === 0) problems.words = 'wordsRequired';
  // As rules read words: a * only at the end, for a prefix.
  else if (words.some((word) => /\*./u.test(word))) problems.words = 'wordStar';
  if (draft.startsOn === '') problems.startsOn = 'startRequired';
  else if (draft.endsOn !== '' && draft.endsOn < draft.startsOn) problems.endsOn = 'endBeforeStart';
  return problems;
}

export const toTopicInput = (draft: TopicDraft) => ({ name: draft.name.trim(), words: parseWords(draft.words), startsOn: draft.startsOn, endsOn: draft.endsOn === '' ? null : draft.endsOn });
