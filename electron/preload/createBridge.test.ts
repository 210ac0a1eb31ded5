import { describe, expect, it, vi } from 'vitest';
import { createBridge } from './createBridge';
import { APP_VERSION_ARGUMENT, CHOOSE_BACKUP_FILE_CHANNEL, REQUEST_CORE_PORT_CHANNEL } from './preloadContract';

const sandboxedProcess = {
  platform: 'linux',
  argv: ['/opt/Pieuvre/pieuvre', '--type=renderer', `${APP_VERSION_ARGUMENT}0.3.1`],
  versions: { electron: '45.4.1', chrome: '140.0.0.0', node: '22.20.0', v8: '14.0' },
};

describe('createBridge', () => {
  it('tells the page the platform and versions, the app version from main', () => {
    const bridge = createBridge(sandboxedProcess, { send: vi.fn(), invoke: vi.fn() });
    expect(bridge.platform).toBe('linux');
    expect(bridge.versions).toEqual({ app: '0.3.1', electron: '45.4.1', chrome: '140.0.0.0', node: '22.20.0' });
  });

  it('asks main for a core port on one fixed channel, with nothing from the page', () => {
    const send = vi.fn();
    const bridge = createBridge(sandboxedProcess, { send, invoke: vi.fn() });
    (bridge.requestCorePort as (...args: unknown[]) => void)('pieuvre:evil-channel', { x: 1 });
    expect(send.mock.calls).toEqual([[REQUEST_CORE_PORT_CHANNEL]]);
  });

  it('asks main for a backup file on one fixed channel, and gives the page a path or null, nothing else', async () => {
    const invoke = vi.fn<(channel: string) => Promise<unknown>>();
    const bridge = createBridge(sandboxedProcess, { send: vi.fn(), invoke });
    invoke.mockResolvedValueOnce('/home/ana/pieuvre-2026-12-04.db').mockResolvedValueOnce(null).mockResolvedValueOnce({ path: '/etc/passwd' });
    expect(await (bridge.chooseBackupFile as (...args: unknown[]) => Promise<string | null>)('pieuvre:evil-channel')).toBe('/home/ana/pieuvre-2026-12-04.db');
    expect(await bridge.chooseBackupFile()).toBeNull();
    expect(await bridge.chooseBackupFile()).toBeNull();
    expect(invoke.mock.calls).toEqual([[CHOOSE_BACKUP_FILE_CHANNEL], [CHOOSE_BACKUP_FILE_CHANNEL], [CHOOSE_BACKUP_FILE_CHANNEL]]);
  });

  it('is a plain object of data and functions, as contextBridge can copy it', () => {
    const bridge = createBridge({ ...sandboxedProcess, argv: [] }, { send: vi.fn(), invoke: vi.fn() });
    expect(bridge.versions.app).toBe('');
    expect(Object.keys(bridge).sort()).toEqual(['chooseBackupFile', 'platform', 'requestCorePort', 'versions']);
    expect(JSON.parse(JSON.stringify({ ...bridge, requestCorePort: undefined, chooseBackupFile: undefined }))).toEqual({ platform: 'linux', versions: bridge.versions });
  });
});
