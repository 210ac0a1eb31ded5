import { randomFor, type DemoRandom } from '../connectors/demo/demoRandom';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Slot = { parent: Json[] | { [key: string]: Json }; key: string | number };

/** Values a platform should never send, each a different way for a normaliser to trip. */
const HOSTILE_VALUES: readonly Json[] = [
  null,
  '',
  ' ',
  0,
  -1,
  1e308,
  true,
  [],
  {},
  'x'.repeat(200_000),
  'text\u0000with\u0007controls',
  '\u202eevil\u202c',
  'javascript:alert(1)',
  'not-a-date',
  '2026-13-45T99:99:99Z',
  '<script>alert(1)</script>',
  'did:plc:',
  'at://',
  '\ud800',
];

/**
 * One seeded mutation of a platform payload: a field removed, nulled, given the wrong type or a
 * hostile value, an array emptied, or the whole thing replaced. The fuzz tests of each connector
 * feed real payloads through it into normalisation and ingest. The same seed and index always
 * give the same mutation, so a failure replays (`FUZZ_SEED`).
 */
export function mutatePayload(payload: unknown, seed: number, index: number): unknown {
  const random = randomFor(seed, 0x6d75, index);
  let mutated = structuredClone(payload) as Json;
  const count = 1 + random.int(3);
  for (let step = 0; step < count; step++) mutated = mutateOnce(mutated, random);
  return mutated;
}

function mutateOnce(root: Json, random: DemoRandom): Json {
  const slots = slotsOf(root);
  if (slots.length === 0 || random.chance(0.02)) return random.pick(HOSTILE_VALUES);
  const { parent, key } = random.pick(slots);
  const current = read(parent, key);
  switch (random.int(5)) {
    case 0:
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
      return root;
    case 1:
      return write(root, parent, key, random.pick(HOSTILE_VALUES));
    case 2:
      return write(root, parent, key, wrongType(current));
    case 3:
      return write(root, parent, key, Array.isArray(current) ? [] : typeof current === 'string' ? current.repeat(1 + random.int(4)) + '\u0000' : null);
    default:
      return write(root, parent, key, { nested: current });
  }
}

/** Every place in the tree a value sits, the root's children first. */
function slotsOf(root: Json): Slot[] {
  const slots: Slot[] = [];
  const visit = (value: Json) => {
    if (Array.isArray(value)) {
      value.forEach((child, index) => {
        slots.push({ parent: value, key: index });
        visit(child);
      });
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        slots.push({ parent: value, key });
        visit(child);
      }
    }
  };
  visit(root);
  return slots;
}

const read = (parent: Slot['parent'], key: Slot['key']): Json => (Array.isArray(parent) ? (parent[Number(key)] ?? null) : (parent[key] ?? null));

function write(root: Json, parent: Slot['parent'], key: Slot['key'], value: Json): Json {
  if (Array.isArray(parent)) parent[Number(key)] = value;
  else parent[key] = value;
  return root;
}

function wrongType(value: Json): Json {
  if (typeof value === 'string') return value.length;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 0;
  if (Array.isArray(value)) return { 0: value[0] ?? null };
  if (value === null) return 'null';
  return Object.values(value);
}

/**
 * The seed of a fuzz run: `FUZZ_SEED` replays one, else a fresh one. Printed either way, so a
 * failure in CI can be replayed on a desk.
 */
export function fuzzSeed(name: string): number {
  const given = process.env.FUZZ_SEED;
  const seed = given !== undefined && /^\d+$/.test(given) ? Number(given) : Math.floor(Math.random() * 2 ** 31);
  console.log(`${name}: fuzz seed ${seed} (replay with FUZZ_SEED=${seed})`);
  return seed;
}
