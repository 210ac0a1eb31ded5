import type { EchoRefusal } from './echoRefusal';

/**
 * Display names a stranger can give themselves to make an automatic reply say something on the
 * brand's account: links in several forms, mentions, tags, bidi tricks, zalgo, markup, very
 * long names, hidden characters. Each must fall back to the template's default, with the reason.
 * Test data only: shared by the unit tests and the away-reply tests.
 */
export const HOSTILE_NAMES: readonly { name: string; refusal: EchoRefusal }[] = [
  { name: 'https://free-coffee.example/win Bob', refusal: 'link' },
  { name: 'free-coffee.example/win', refusal: 'link' },
  { name: 'Bob free-coffee.example', refusal: 'link' },
  { name: 'www.prizes-now.test', refusal: 'link' },
  { name: 'http://192.168.0.1', refusal: 'link' },
  { name: 'bit.ly', refusal: 'link' },
  { name: 'xn--80ak6aa92e', refusal: 'link' },
  { name: 'пример.рф', refusal: 'link' },
  { name: 'Bob café。example', refusal: 'link' },
  { name: 'win．example', refusal: 'link' },
  { name: 'hxxp://evil', refusal: 'markup' },
  { name: '@everyone', refusal: 'mention' },
  { name: '@here', refusal: 'mention' },
  { name: 'Bob @BrulerieRivale', refusal: 'mention' },
  { name: '＠everyone', refusal: 'mention' },
  { name: 'mail bob@scam.test', refusal: 'mention' },
  { name: '#FreeCoffee', refusal: 'hashtag' },
  { name: 'Bob #boycott', refusal: 'hashtag' },
  { name: '$SCAM', refusal: 'hashtag' },
  { name: '<script>alert(1)</script>', refusal: 'markup' },
  { name: '<b>Bob</b>', refusal: 'markup' },
  { name: '[Bob](javascript:alert)', refusal: 'markup' },
  { name: '**Bob**', refusal: 'markup' },
  { name: '`rm -rf`', refusal: 'markup' },
  { name: 'Bob\u202Eniw', refusal: 'invisible' },
  { name: '\u2067Bob\u2069', refusal: 'invisible' },
  { name: 'Bob\u200F', refusal: 'invisible' },
  { name: 'Bob\u061C', refusal: 'invisible' },
  { name: 'Bob\nWin a prize', refusal: 'invisible' },
  { name: 'Bob\u0000', refusal: 'invisible' },
  { name: 'Bob\u0085', refusal: 'invisible' },
  { name: 'B\u200Bo\u200Bb', refusal: 'invisible' },
  { name: 'Bob\u200D\u200D', refusal: 'invisible' },
  { name: '\u3164', refusal: 'invisible' },
  { name: 'Bob\u2028Win', refusal: 'invisible' },
  { name: `Z${'\u0336\u0334\u0335\u0337\u0338'.repeat(40)}a`, refusal: 'stackedMarks' },
  { name: 'B\u0301\u0302\u0303\u0304o', refusal: 'stackedMarks' },
  { name: 'Bob '.repeat(50).trim(), refusal: 'tooLong' },
  { name: 'A'.repeat(200), refusal: 'tooLong' },
  { name: 'Congratulations you won a free year of coffee', refusal: 'tooLong' },
];

/** Real names, with accents, apostrophes, scripts and emoji, that must still be repeated. */
export const ORDINARY_NAMES: readonly string[] = [
  'Marie-Ève Tremblay',
  'Jean-François O’Neil',
  "D'Arcy McGee",
  'Nguyễn Thị Ánh',
  'Zoë Saint-Pierre',
  'Łukasz Żółć',
  '김민준',
  'محمد العلي',
  'می‌خواهم',
  'Camille 🌸',
  'Sam 👩🏽‍💻',
  'J. R. Tolkien',
  'Émilie',
  '',
];
