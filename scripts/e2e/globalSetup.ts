import type { TestProject } from 'vitest/node';
import { buildRenderer } from '../harness/buildRenderer';

/** Builds the renderer once per test run; every end-to-end test serves that build. */
export default async function setup(project: TestProject): Promise<void> {
  project.provide('rendererDir', await buildRenderer());
}

declare module 'vitest' {
  export interface ProvidedContext {
    rendererDir: string;
  }
}
