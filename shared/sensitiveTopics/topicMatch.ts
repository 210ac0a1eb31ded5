import { wordPattern } from '../rules/wordMatcher';
import { foldText } from '../text/foldText';

/** What matching needs of a topic: its days and its words. */
export type TopicWindow = { startsOn: string; endsOn: string | null };
export type TopicWords = { id: string; name: string; words: readonly string[] };

/** Active on `day` (YYYY-MM-DD in the workspace's zone): from its first day to its last, both included. */
export const isActiveOn = (topic: TopicWindow, day: string): boolean => topic.startsOn <= day && (topic.endsOn === null || day <= topic.endsOn);

/**
 * The first of each topic's words the text touches, matched as rules match words (whole words,
 * `inond*` a prefix, case and accents ignored); topics the text does not touch are left out.
 */
export function topicsTouched(topics: readonly TopicWords[], text: string): { topicId: string; name: string; word: string }[] {
  const folded = foldText(text);
  return topics.flatMap((topic) => {
    const word = topic.words.find((candidate) => wordPattern([candidate]).test(folded));
    return word === undefined ? [] : [{ topicId: topic.id, name: topic.name, word }];
  });
}
