import type { Handlers } from '../apiServer';
import type { DemoWorkspace } from '../../demo/demoWorkspace';

export function demoHandlers(demo: DemoWorkspace): Pick<Handlers, 'demo.start' | 'demo.stop' | 'demo.remove'> {
  return {
    'demo.start': async (settings) => {
      const status = demo.start(settings);
      await demo.pollOnce();
      return status;
    },
    'demo.stop': () => demo.stop(),
    'demo.remove': () => ({ removedAccounts: demo.remove() }),
  };
}
