import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/**
 * X's weighted length, from its own library (twitter-text), measured in a worker thread.
 *
 * Why a thread: twitter-text loads core-js 2 polyfills whose feature tests disable V8's fast
 * paths for regular expressions and arrays for the whole isolate (measured: ingest 25% slower
 * once it is loaded, even if never called). In a worker they stay in the worker's isolate.
 * The core asks synchronously (Atomics.wait): a measure takes well under a millisecond.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const twitterText = require(workerData.twitterTextPath);
workerData.port.on('message', (text) => {
  let answer;
  try { answer = { length: twitterText.parseTweet(text).weightedLength }; } catch (error) { answer = { error: String(error) }; }
  workerData.port.postMessage(answer);
  Atomics.store(workerData.signal, 0, 1);
  Atomics.notify(workerData.signal, 0);
});
`;

/** The first measure also starts the worker and loads the library. */
const ANSWER_TIMEOUT_MS = 10_000;

type Measurer = { port: MessagePort; signal: Int32Array };

let measurer: Measurer | null = null;

function start(): Measurer {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const twitterTextPath = createRequire(import.meta.url).resolve('twitter-text');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { port: port2, signal, twitterTextPath }, transferList: [port2] });
  // Never keeps the core alive on its own.
  worker.unref();
  port1.unref();
  return { port: port1, signal };
}

export function twitterWeightedLength(text: string): number {
  measurer ??= start();
  const { port, signal } = measurer;
  Atomics.store(signal, 0, 0);
  port.postMessage(text);
  if (Atomics.wait(signal, 0, 0, ANSWER_TIMEOUT_MS) === 'timed-out') throw new Error('X length: twitter-text did not answer in time.');
  const answer = receiveMessageOnPort(port)?.message as { length: number } | { error: string } | undefined;
  if (!answer || 'error' in answer) throw new Error(`X length: ${answer?.error ?? 'no answer from twitter-text'}`);
  return answer.length;
}
