import { inspect } from 'node:util';

const HIDDEN = '[secret]';

/**
 * A token or password as it travels through the core. Whatever formats it (a template string,
 * JSON for a log or the RPC, console.log of an object holding it) sees `[secret]`: only
 * `reveal()`, called where the value is handed to a platform, gives it out. The value sits in a
 * private field, so no enumeration, spread or structured clone copies it either.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The value itself: call it only where it leaves for the platform that issued it. */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return HIDDEN;
  }

  toJSON(): string {
    return HIDDEN;
  }

  [inspect.custom](): string {
    return HIDDEN;
  }
}
