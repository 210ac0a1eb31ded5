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
// scans (a.a.a…, or thousands of CJK characters: seconds), so only words with a domain pay it.
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
// long as the characters could make a domain: quadratic on a long word of them that ends in no
// top-level domain (x.com,a-a-a-…, or a domain then thousands of CJK characters: a quarter
// second at X's DM limit). A link starts with http(s):// or with its domain, which runs through
// domain characters, "-", "_" and dots up to "." and a top-level domain: no link starts
// anywhere else, so the search jumps to the next place one may. The matches, and the RegExp.$n
// twitter-text reads after each, are still the native search's own.
const extractUrl = twitterText.regexen.extractUrl;
const DOMAIN_RUN = new RegExp('(?:' + twitterText.regexen.validDomainChars.source + '|[-_.])+', 'g');
const PROTOCOL = new RegExp('https?://', 'gi');
const DOT_TLDS = new RegExp(DOT_TLD.source, 'gi');
// Sorted disjoint [from, to] ranges of the positions where a link may start.
const linkStarts = (text) => {
  const ranges = [...text.matchAll(PROTOCOL)].map((protocol) => [protocol.index, protocol.index]);
  for (const run of text.matchAll(DOMAIN_RUN)) {
    let lastEnding = -1;
    for (const ending of run[0].matchAll(DOT_TLDS)) lastEnding = ending.index;
    if (lastEnding >= 0) ranges.push([run.index, run.index + lastEnding]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1] + 1) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
};
const firstEndingAtOrAfter = (ranges, index) => {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ranges[middle][1] < index) low = middle + 1;
    else high = middle;
  }
  return ranges[low];
};
const nativeExec = extractUrl.exec;
let startsText = null;
let starts = [];
extractUrl.exec = function (text) {
  if (text !== startsText) {
    starts = linkStarts(text);
    startsText = text;
  }
  const next = firstEndingAtOrAfter(starts, this.lastIndex);
  if (!next) {
    this.lastIndex = 0;
    return null;
  }
  // The pattern takes the character before a link with it: the search starts one before.
  this.lastIndex = Math.max(this.lastIndex, next[0] - 1);
  return nativeExec.call(this, text);
};
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
