// A separate process over a real store, for what a test cannot do in its own process: be killed
// mid-write, or run inside a D-Bus session with a keyring. Prints one JSON line per result.
//   tsx secretStoreChild.ts DATA_DIR open           → {"keySource": …, "names": […]}
//   tsx secretStoreChild.ts DATA_DIR set NAME VALUE → {"keySource": …}
//   tsx secretStoreChild.ts DATA_DIR get NAME       → {"value": … | null}
//   tsx secretStoreChild.ts DATA_DIR count NAME     → {"written": n} after each write of 1, 2, 3… until killed
import { EncryptedFileSecretStore } from '../encryptedFileSecretStore';
import { keyProvidersFor } from '../keyProviders';
import { Secret } from '../secret';

const [dataDir, command, name = '', value = ''] = process.argv.slice(2);
if (!dataDir || !command) throw new Error('usage: secretStoreChild.ts DATA_DIR open|set|get|count [NAME [VALUE]]');
const say = (result: object) => process.stdout.write(`${JSON.stringify(result)}\n`);

try {
  const store = await EncryptedFileSecretStore.open(dataDir, keyProvidersFor(dataDir));
  if (command === 'open') say({ keySource: store.keySource, names: await store.list() });
  if (command === 'set') await store.set(name, new Secret(value)).then(() => say({ keySource: store.keySource }));
  if (command === 'get') say({ value: (await store.get(name))?.reveal() ?? null });
  // Pipes are written synchronously on Linux: a number printed is a write that was complete.
  for (let written = 1; command === 'count'; written += 1) {
    await store.set(name, new Secret(String(written)));
    say({ written });
  }
} catch (error) {
  say({ error: error instanceof Error ? { name: error.name, code: (error as { code?: unknown }).code, message: error.message } : String(error) });
  process.exitCode = 1;
}
