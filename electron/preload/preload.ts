import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './createBridge';
import { forwardCorePort, type PortForwardTarget } from './forwardCorePort';

// Sandboxed and context-isolated: this runs before the page with a small subset of Node, and the
// page sees only what exposeInMainWorld hands it. The repo compiles without DOM types, hence the cast.
contextBridge.exposeInMainWorld('pieuvre', createBridge(process, ipcRenderer));
forwardCorePort(ipcRenderer, globalThis as unknown as PortForwardTarget);
