import { describe, expect, it } from 'vitest';
import { findSlashQuery, replaceSlashQuery } from './slashQuery';

describe('findSlashQuery', () => {
  it('opens on a slash at the start of the box or after whitespace', () => {
    expect(findSlashQuery('/', 1)).toEqual({ start: 0, end: 1, query: '' });
    expect(findSlashQuery('/mer', 4)).toEqual({ start: 0, end: 4, query: 'mer' });
    expect(findSlashQuery('Merci!\n/liv', 11)).toEqual({ start: 7, end: 11, query: 'liv' });
    expect(findSlashQuery('Allô /désol', 11)).toEqual({ start: 5, end: 11, query: 'désol' });
  });

  it('stays closed inside links, words and once the word is over', () => {
    expect(findSlashQuery('https://exemple.ca', 10)).toBeNull();
    expect(findSlashQuery('et/ou', 5)).toBeNull();
    expect(findSlashQuery('/merci ', 7)).toBeNull();
    expect(findSlashQuery('/mer', 0)).toBeNull();
  });

  it('runs the token to the end of the word when the caret is inside it', () => {
    expect(findSlashQuery('Salut /merci!', 10)).toEqual({ start: 6, end: 12, query: 'mer' });
  });
});

describe('replaceSlashQuery', () => {
  it('puts the template where the query was, caret after it', () => {
    expect(replaceSlashQuery('Salut!\n/mer', { start: 7, end: 11, query: 'mer' }, 'Merci Léa!')).toEqual({ text: 'Salut!\nMerci Léa!', caret: 17 });
    expect(replaceSlashQuery('/merci! Bye', { start: 0, end: 6, query: 'me' }, 'Thanks')).toEqual({ text: 'Thanks! Bye', caret: 6 });
  });

  it('changes nothing when the query is no longer there', () => {
    expect(replaceSlashQuery('Salut', { start: 0, end: 4, query: 'mer' }, 'Merci')).toBeNull();
  });
});
