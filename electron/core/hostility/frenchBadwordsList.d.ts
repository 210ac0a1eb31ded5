// french-badwords-list ships no types; this is the shape of its export.
declare module 'french-badwords-list' {
  const list: { array: string[]; object: Record<string, number>; regex: RegExp };
  export default list;
}
