import type { MessagePortMain, ParentPort, UtilityProcess, WebContents } from 'electron';
import { EventEmitter } from 'node:events';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { createApiClient } from '../../shared/api/client';
import { messagePortTransport } from '../../shared/api/messagePortTransport';
import type { PortLike } from '../core/api/messagePortServer';
import { addAccount } from '../core/testing/itemBuilder';
import { asPortMain } from '../core/testing/nodePorts';
import { createTestCore, type TestCore } from '../core/testing/testCore';
import { serveHandedPorts, type ParentPortLike } from '../core/utilityCore';
import { PORT_HANDOVER, type SecretKeyHandover } from '../core/utilityMessages';
import { CORE_PORT_CHANNEL, REQUEST_CORE_PORT_CHANNEL } from '../preload/preloadContract';
import { answerPortRequests, domStylePort, startCoreProcess, type CoreElectron, type PortReceiver } from './portHandover';

/** Electron's UtilityProcess as main sees it: whatever main posts goes to `toCore`. */
class FakeCoreChild extends EventEmitter {
  readonly kill = vi.fn(() => true);
  constructor(private readonly toCore: (data: unknown, ports: PortLike[]) => void) {
    super();
  }
  postMessage(message: unknown, transfer: PortLike[]) {
    this.toCore(message, transfer);
  }
}

/**
 * Electron's utilityProcess and MessageChannelMain cannot run here. These stand-ins use Node's
 * own MessageChannel, and the "utility process" hands what main posts to the real core code
 * (serveHandedPorts over a real in-memory core), so a call goes all the way through.
 */
function fakeElectron(core: TestCore) {
  const forks: { modulePath: string; options: { serviceName: string; env: Record<string, string | undefined> }; child: FakeCoreChild }[] = [];
  const inCore = new EventEmitter();
  const toCore: unknown[] = [];
  inCore.on('message', ({ data }: { data: unknown }) => toCore.push(data));
  serveHandedPorts({ on: (event, listener) => inCore.on(event, listener), postMessage: () => {} }, core);
  const channels: MessageChannel[] = [];
  const electron: CoreElectron<PortLike> = {
    utilityProcess: {
      fork(modulePath, _args, options) {
        const child = new FakeCoreChild((data, ports) => inCore.emit('message', { data, ports }));
        forks.push({ modulePath, options, child });
        return child;
      },
    },
    MessageChannelMain: class {
      port1: PortLike;
      port2: PortLike;
      constructor() {
        const channel = new MessageChannel();
        channels.push(channel);
        this.port1 = asPortMain(channel.port1);
        this.port2 = asPortMain(channel.port2);
      }
    },
  };
  const closeAll = () => channels.forEach(({ port1, port2 }) => (port1.close(), port2.close()));
  return { electron, forks, toCore, closeAll };
}

/** A window's webContents, keeping the ports main posts to its preload. */
function fakeWindow() {
  const received: { channel: string; message: null; ports: PortLike[] }[] = [];
  const contents: PortReceiver<PortLike> = { postMessage: (channel, message, ports) => received.push({ channel, message, ports }) };
  return { contents, received };
}

let core: TestCore;
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const SECRET_KEY: SecretKeyHandover = { type: 'secret-key', key: Buffer.alloc(32, 7).toString('base64') };

const start = (env: Record<string, string | undefined> = {}) => {
  core = createTestCore();
  const fake = fakeElectron(core);
  cleanups.push(fake.closeAll, () => core.close());
  const onFatal = vi.fn();
  const onExit = vi.fn();
  const process = startCoreProcess(fake.electron, { entryPath: '/app/out/main/utilityEntry.js', dataDir: '/home/ana/.config/Pieuvre', env, secretKey: SECRET_KEY, onFatal, onExit });
  const [fork] = fake.forks;
  if (!fork) throw new Error('The core was not forked.');
  return { ...fake, child: fork.child, process, onFatal, onExit };
};

describe('startCoreProcess', () => {
  it('forks the core entry with the data folder main resolved, keeping the rest of the environment', () => {
    const { forks } = start({ PATH: '/usr/bin', PIEUVRE_DATA_DIR: 'relative/ignored' });
    expect(forks.map(({ modulePath, options }) => ({ modulePath, options }))).toEqual([{
      modulePath: '/app/out/main/utilityEntry.js',
      options: { serviceName: 'Pieuvre core', env: { PATH: '/usr/bin', PIEUVRE_DATA_DIR: '/home/ana/.config/Pieuvre' }, stdio: 'inherit' },
    }]);
  });

  it("hands the core the secrets' key first, over the process's channel and never in its environment", () => {
    const { forks, process, toCore } = start();
    process.handOver(fakeWindow().contents);
    expect(toCore).toEqual([SECRET_KEY, PORT_HANDOVER]);
    expect(JSON.stringify(forks.map(({ options }) => options))).not.toContain(SECRET_KEY.key);
  });

  it("hands each window its own port to the core, through the window's preload", async () => {
    const { process } = start();
    const accountId = addAccount(core.context.db);
    const windows = [fakeWindow(), fakeWindow()];
    windows.forEach(({ contents }) => process.handOver(contents));

    for (const { received } of windows) {
      expect(received).toEqual([{ channel: CORE_PORT_CHANNEL, message: null, ports: [expect.anything()] }]);
      const [port] = received[0]?.ports ?? [];
      if (!port) throw new Error('no port');
      const client = createApiClient(messagePortTransport(domStylePort(port)));
      expect(await client.call('accounts.list', {})).toMatchObject({ ok: true, value: [{ id: accountId }] });
    }
    expect(windows[0]?.received[0]?.ports[0]).not.toBe(windows[1]?.received[0]?.ports[0]);
  });

  it('gives main a client of its own', async () => {
    const { process } = start();
    const client = createApiClient(process.connectMain());
    expect(await client.call('conversations.counts', {})).toMatchObject({ ok: true, value: { openUnread: 0 } });
  });

  it("reports the core's fatal reason, and an exit only when main did not ask for it", () => {
    const { child, onFatal, onExit, process } = start();
    child.emit('message', { type: 'something-else' });
    child.emit('message', { type: 'fatal', message: 'pieuvre.db was written by a newer version of Pieuvre' });
    expect(onFatal.mock.calls).toEqual([['pieuvre.db was written by a newer version of Pieuvre']]);

    child.emit('exit', 134);
    expect(onExit.mock.calls).toEqual([[134]]);
    process.stop();
    expect(child.kill).toHaveBeenCalledOnce();
    child.emit('exit', 0);
    expect(onExit.mock.calls).toEqual([[134]]);
  });
});

describe('answerPortRequests', () => {
  it("answers the app's own page only", () => {
    const ipcMain = new EventEmitter();
    const handOver = vi.fn();
    answerPortRequests(ipcMain, { handOver }, 'pieuvre://app/index.html');
    const request = (url: string | null) => {
      const { contents } = fakeWindow();
      ipcMain.emit(REQUEST_CORE_PORT_CHANNEL, { sender: contents, senderFrame: url === null ? null : { url } });
      return contents;
    };
    const app = request('pieuvre://app/index.html#/inbox');
    request('https://evil.example/');
    request('file:///tmp/x.html');
    request(null);
    expect(handOver.mock.calls).toEqual([[app]]);
  });
});

describe("Electron's real types", () => {
  it('fit the structural types the core and main are written against', () => {
    expectTypeOf<MessagePortMain>().toExtend<PortLike>();
    expectTypeOf<ParentPort>().toExtend<ParentPortLike>();
    expectTypeOf<WebContents>().toExtend<PortReceiver<MessagePortMain>>();
    expectTypeOf<UtilityProcess>().toExtend<ReturnType<CoreElectron<MessagePortMain>['utilityProcess']['fork']>>();
  });
});
