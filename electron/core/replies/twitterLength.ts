import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/**
 * X's weighted length, from its own library (twitter-text), measured in a worker thread.
 *
 * Why a thread: twitter-text loads core-js 2 polyfills whose feature tests disable V8's fast
 * paths for regular expressions and arrays for the whole isolate (measured: ingest 25% slower
 * once it is loaded, even if never called). In a worker they stay in the worker's isolate.
 * The core asks synchronously (Atomics.wait); measures stay short, as a text that could not
 * fit is never sent here (see `measureReply`).
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const twitterText = require(workerData.twitterTextPath);
const { validGTLD, validCCTLD, validPunycode } = twitterText.regexen;
// twitter-text checks a domain label by label before it checks the link's length (4,096 at
// most with its protocol): on one word of thousands of domains that is nearly all its time.
// A domain longer than that fails either way, so it fails here before the labels are read.
const idna = require(require('node:path').join(require('node:path').dirname(workerData.twitterTextPath), 'lib', 'idna.js'));
const toAscii = idna.toAscii;
idna.toAscii = (domain) => (domain.length > 4096 - 'http://'.length ? undefined : toAscii(domain));
// A link's domain always ends in "." and a top-level domain: without one, the text holds no link.
const DOT_TLD = new RegExp('\\\\.(?:' + validGTLD.source + '|' + validCCTLD.source + '|' + validPunycode.source + ')', 'i');
// Links and emoji never span whitespace, so words are counted apart, in two texts: those
// with a top-level domain as they are, the others with "." as "," (the same weight). A text
// without "." skips twitter-text's link search, which is quadratic in the length of a word it
// scans (a.a.a…, or thousands of CJK characters: seconds); words with a domain go through the
// bounded search below.
// Each word keeps a space before it, as a link search starts differently at the very start.
const measureWords = (words, isAtStart) =>
  words.length === 0 ? 0 : twitterText.parseTweet((isAtStart ? '' : ' ') + words.join(' ')).weightedLength - (words.length - (isAtStart ? 1 : 0));
const weightedLength = (text) => {
  const normalized = text.normalize();
  const words = normalized.split(/[ \\t\\n\\r\\f\\v]+/);
  const whitespace = normalized.length - words.reduce((units, word) => units + word.length, 0);
  // split gives '' first when the text starts with whitespace: then no word is at the start.
  const first = words[0] ?? '';
  const hasDomain = (word) => DOT_TLD.test(word);
  const withDomain = words.filter((word) => word !== '' && hasDomain(word));
  const without = words.filter((word) => word !== '' && !hasDomain(word)).map((word) => word.replaceAll('.', ','));
  return whitespace + measureWords(withDomain, first !== '' && hasDomain(first)) + measureWords(without, first !== '' && !hasDomain(first));
};
// twitter-text's link search tries its pattern at every position, and from each reads on as
// long as the characters could make a domain: quadratic on a long word of them that makes
// none (x.com,a-a-a-…, or a domain then thousands of CJK characters: a quarter second at X's
// DM limit). So the search is tried only where a link may start: at http(s)://, or where a
// chain of labels starts that ends in a top-level domain, as its domain pattern reads them
// (labels between dots, each starting and ending with a domain character, "-" and "_" inside,
// no "_" in the last one). The matches, and the RegExp.$n twitter-text reads after each, are
// still its own pattern's.
const extractUrl = twitterText.regexen.extractUrl;
const DOMAIN_RUN = new RegExp('(?:' + twitterText.regexen.validDomainChars.source + '|[-_.])+', 'g');
const PROTOCOL = new RegExp('https?://', 'gi');
const DOT_TLD_AT = new RegExp(DOT_TLD.source, 'iy');
// Inside a run, every unit but these is a domain character.
const isDomainChar = (unit) => unit !== '-' && unit !== '_' && unit !== '.';
const hasTldAt = (text, dot) => {
  DOT_TLD_AT.lastIndex = dot;
  return DOT_TLD_AT.test(text);
};
// Marks, in a run of domain characters and dots, where a domain may start: right to left, so
// each label knows whether the labels after it reach a top-level domain.
const markRun = (text, from, to, marks) => {
  const dots = [];
  for (let index = from; index < to; index++) if (text[index] === '.') dots.push(index);
  let reachesTld = false;
  for (let label = dots.length - 1; label >= 0; label--) {
    const dot = dots[label];
    const start = label === 0 ? from : dots[label - 1] + 1;
    const endsWell = dot > start && isDomainChar(text[dot - 1]);
    const isLast = hasTldAt(text, dot);
    let hasUnderscore = false;
    let mayStart = false;
    for (let index = dot - 1; index >= start; index--) {
      hasUnderscore ||= text[index] === '_';
      mayStart = endsWell && isDomainChar(text[index]) && ((isLast && !hasUnderscore) || reachesTld);
      if (mayStart) marks[index] = 1;
    }
    // The whole label: the last index read was its first.
    reachesTld = mayStart;
  }
};
// For each index, the first index at or after it where a link may start (-1: none).
let startsText = null;
let starts = new Int32Array(1);
const linkStartsOf = (text) => {
  if (text === startsText) return starts;
  const marks = new Uint8Array(text.length + 1);
  for (const protocol of text.matchAll(PROTOCOL)) marks[protocol.index] = 1;
  for (const run of text.matchAll(DOMAIN_RUN)) if (run[0].includes('.')) markRun(text, run.index, run.index + run[0].length, marks);
  starts = new Int32Array(text.length + 1).fill(-1);
  for (let index = text.length - 1; index >= 0; index--) starts[index] = marks[index] ? index : starts[index + 1];
  startsText = text;
  return starts;
};
// Tried only where a link may start: a match at an index takes the character before its link
// with it (or none, at the very start), and is the one the native search would find there.
const extractUrlAt = new RegExp(extractUrl.source, 'iy');
extractUrl.exec = function (text) {
  const linkStarts = linkStartsOf(text);
  for (let at = this.lastIndex; at < text.length; at++) {
    const start = linkStarts[at === 0 ? 0 : at + 1];
    if (start === -1) break;
    at = Math.max(at, start - 1);
    extractUrlAt.lastIndex = at;
    const match = extractUrlAt.exec(text);
    if (match) {
      this.lastIndex = extractUrlAt.lastIndex;
      return match;
    }
  }
  this.lastIndex = 0;
  return null;
};
// At load, before the first answer: compiles the patterns and the functions above, so the first
// text a person waits on does not pay for it.
for (let run = 0; run < 3; run++) weightedLength('Voir brulerie.ca, https://x.com/a?b=1 ☕ 漢字 a-b_c.d-.com '.repeat(50) + 'x.com.'.repeat(1_000));
// The core asks for the pattern once, to bound lengths in its own isolate without the polyfills.
const linkEndings = () => DOT_TLD.source;
workerData.port.on('message', ({ id, kind, text }) => {
  let answer;
  try { answer = { id, value: kind === 'length' ? weightedLength(text) : linkEndings() }; } catch (error) { answer = { id, error: String(error) }; }
  workerData.port.postMessage(answer);
  Atomics.store(workerData.signal, 0, 1);
  Atomics.notify(workerData.signal, 0);
});
`;

/** The first measure also starts the worker and loads the library. */
const ANSWER_TIMEOUT_MS = 10_000;

type Request = { kind: 'length'; text: string } | { kind: 'linkEndings' };
type Answer = { id: number; value: number | string } | { id: number; error: string };
type Measurer = { worker: Worker; port: MessagePort; signal: Int32Array; nextId: number };

let measurer: Measurer | null = null;

function start(): Measurer {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const twitterTextPath = createRequire(import.meta.url).resolve('twitter-text');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { port: port2, signal, twitterTextPath }, transferList: [port2] });
  // A worker that fails to load or dies is replaced on the next measure, never fatal to the core.
  worker.on('error', () => stop(worker));
  worker.on('exit', () => stop(worker));
  // Never keeps the core alive on its own.
  worker.unref();
  port1.unref();
  return { worker, port: port1, signal, nextId: 1 };
}

function stop(worker: Worker): void {
  if (measurer?.worker !== worker) return;
  measurer.port.close();
  // Stopping a worker that has already exited has nothing to report.
  worker.terminate().catch(() => undefined);
  measurer = null;
}

function ask(request: Request): number | string {
  measurer ??= start();
  const current = measurer;
  const id = current.nextId++;
  Atomics.store(current.signal, 0, 0);
  current.port.postMessage({ id, ...request });
  for (;;) {
    if (Atomics.wait(current.signal, 0, 0, ANSWER_TIMEOUT_MS) === 'timed-out') {
      stop(current.worker);
      throw new Error('X length: twitter-text did not answer in time.');
    }
    Atomics.store(current.signal, 0, 0);
    // Answers to a call that timed out may still be queued: only this call's answer counts.
    let answer: Answer | undefined;
    while ((answer = receiveMessageOnPort(current.port)?.message as Answer | undefined) && answer.id !== id);
    if (!answer) continue;
    if ('error' in answer) throw new Error(`X length: ${answer.error}`);
    return answer.value;
  }
}

export function twitterWeightedLength(text: string): number {
  return Number(ask({ kind: 'length', text }));
}

let linkEndingPattern: RegExp | null = null;

/**
 * Where a link X would count can end its domain: "." and a top-level domain twitter-text
 * knows (`.com`, `.québec`, `.xn--…`). A word without one holds no link.
 */
export function twitterLinkEndings(): RegExp {
  linkEndingPattern ??= new RegExp(String(ask({ kind: 'linkEndings' })), 'gi');
  return linkEndingPattern;
}
