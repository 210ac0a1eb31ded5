import { describe, expect, it } from 'vitest';
import { draftProblems, parseWords } from './topicDraft';

describe('the sensitive topic form', () => {
  it('reads words separated by commas or lines, each once', () => {
    expect(parseWords('inond*, sinistrés\n\n  crue printanière ,inond*,')).toEqual(['inond*', 'sinistrés', 'crue printanière']);
  });

  it('names the field to fix', () => {
    expect(draftProblems({ name: ' ', words: ' , ', startsOn: '', endsOn: '' })).toEqual({ name: 'nameRequired', words: 'wordsRequired', startsOn: 'startRequired' });
    expect(draftProblems({ name: 'Crue', words: 'in*ond', startsOn: '2026-04-10', endsOn: '2026-04-09' })).toEqual({ words: 'wordStar', endsOn: 'endBeforeStart' });
    expect(draftProblems({ name: 'Crue', words: 'inond*', startsOn: '2026-04-10', endsOn: '' })).toEqual({});
  });
});
