import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

const collect = (stream: PassThrough) => {
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  return () => chunks.join('');
};

describe('the core logger', () => {
  it('sends a line written after close to the terminal stand-in, redacted, and the closed destination sees no write', async () => {
    const file = new PassThrough();
    const terminal = new PassThrough();
    const errors: Error[] = [];
    file.on('error', (error) => errors.push(error));
    const inFile = collect(file);
    const onTerminal = collect(terminal);
    const log = createLogger(file, { afterClose: terminal });
    log.info('Opened.');
    await log.close();
    log.warn('A last timer fired.', { accessToken: 'secret-1' });
    await new Promise((resolve) => setImmediate(resolve));

    expect(errors).toEqual([]);
    expect(inFile()).toContain('"msg":"Opened."');
    expect(inFile()).not.toContain('A last timer fired.');
    const late = JSON.parse(onTerminal().trim()) as Record<string, unknown>;
    expect(late).toMatchObject({ level: 'warn', msg: 'A last timer fired.', accessToken: '[redacted]' });
  });
});
