import { describe, expect, it } from 'vitest';
import type { EventMessage } from '../../shared/api/wire';
import { createEventBus } from './events';

describe('the event bus', () => {
  it('reports a failing listener and still tells the others, without failing the emitter', () => {
    const failures: [unknown, string][] = [];
    const bus = createEventBus((error, event) => failures.push([error, event]));
    const heard: EventMessage[] = [];
    bus.subscribe(() => {
      throw new Error('This window’s port is closed.');
    });
    bus.subscribe((message) => heard.push(message));
    expect(() => bus.emit('duty.changed', {})).not.toThrow();
    expect(heard).toEqual([{ type: 'event', name: 'duty.changed', payload: {} }]);
    expect(failures).toEqual([[new Error('This window’s port is closed.'), 'duty.changed']]);
  });

  it('stops telling a listener that unsubscribed', () => {
    const bus = createEventBus(() => {});
    const heard: string[] = [];
    const unsubscribe = bus.subscribe((message) => heard.push(message.name));
    bus.emit('duty.changed', {});
    unsubscribe();
    bus.emit('duty.changed', {});
    expect(heard).toEqual(['duty.changed']);
  });
});
