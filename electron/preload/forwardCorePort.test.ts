import { describe, expect, it, vi } from 'vitest';
import { CORE_PORT_MESSAGE } from '../../shared/api/bridge';
import { forwardCorePort } from './forwardCorePort';
import { CORE_PORT_CHANNEL } from './preloadContract';

function fakeIpcRenderer() {
  const listeners = new Map<string, (event: { ports: readonly unknown[] }) => void>();
  return {
    ipcRenderer: { on: (channel: string, listener: (event: { ports: readonly unknown[] }) => void) => listeners.set(channel, listener) },
    fromMain: (channel: string, ports: unknown[]) => listeners.get(channel)?.({ ports }),
  };
}

describe('forwardCorePort', () => {
  it("re-posts each port main sends to the page's own window, transferring it", () => {
    const { ipcRenderer, fromMain } = fakeIpcRenderer();
    const page = { postMessage: vi.fn() };
    forwardCorePort(ipcRenderer, page);
    const port = { name: 'port-1' };
    fromMain(CORE_PORT_CHANNEL, [port]);
    expect(page.postMessage.mock.calls).toEqual([[CORE_PORT_MESSAGE, '*', [port]]]);
  });

  it('forwards nothing from other channels, nor a message without exactly one port', () => {
    const { ipcRenderer, fromMain } = fakeIpcRenderer();
    const page = { postMessage: vi.fn() };
    forwardCorePort(ipcRenderer, page);
    fromMain('pieuvre:other', [{}]);
    fromMain(CORE_PORT_CHANNEL, []);
    fromMain(CORE_PORT_CHANNEL, [{}, {}]);
    expect(page.postMessage).not.toHaveBeenCalled();
  });
});
