// The lexicon packages ship no types; these are the shapes of what the scorer uses.
declare module 'french-badwords-list' {
  const list: { array: string[]; object: Record<string, number>; regex: RegExp };
  export default list;
}

declare module 'leo-profanity' {
  const filter: { list(): string[] };
  export default filter;
}
