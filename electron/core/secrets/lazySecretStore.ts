import type { SecretStore } from './secretStore';

/**
 * A secret store opened on first use, for parts built before anyone may ask the keychain (a
 * Mastodon sign-in keeps its server's app registration there): nothing opens until a secret is
 * actually read or written.
 */
export function lazySecretStore(open: () => Promise<SecretStore>): SecretStore {
  return {
    get: async (name) => (await open()).get(name),
    set: async (name, value) => (await open()).set(name, value),
    delete: async (name) => (await open()).delete(name),
    list: async () => (await open()).list(),
  };
}
