/**
 * A property test's seed, printed so a failure can be replayed: `RULES_SEED=<seed> npx vitest run <file>`.
 * `shared/` may not read `process`; vitest hands the environment over as `import.meta.env`.
 */
export function propertySeed(name: string): number {
  const environment = import.meta.env as unknown as Partial<Record<string, string>>;
  const seed = Number(environment['RULES_SEED'] ?? Date.now() % 2 ** 31);
  console.log(`${name}: seed ${seed} (replay with RULES_SEED=${seed})`);
  return seed;
}
