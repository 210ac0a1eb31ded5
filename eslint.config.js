// The borders between processes are enforced here: code that
// crosses them compiles fine and fails only at run time in one process, so it must fail lint.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

// Exact names: as gitignore-style patterns, builtins such as "events" would also match "./events".
const nodeBuiltins = (message) => [...builtinModules, ...builtinModules.map((name) => `node:${name}`)].map((name) => ({ name, message }));
const electronModule = { name: 'electron', message: 'Only electron/main/ and electron/preload/ may import electron.' };

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', '.bench/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Platform text is rendered as text, never as HTML.' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronModule, ...nodeBuiltins('shared/ runs in the renderer too: no Node modules.')],
          patterns: [
            { group: ['node:*'], message: 'shared/ runs in the renderer too: no Node modules.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing but itself.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronModule, ...nodeBuiltins('The renderer is sandboxed: no Node modules.')],
          patterns: [
            { group: ['node:*'], message: 'The renderer is sandboxed: no Node modules.' },
            { group: ['**/electron/**'], message: 'The renderer talks to the core only through the typed API.' },
          ],
        },
      ],
    },
  },
  {
    // The command line runs the core in plain Node too: the same border.
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronModule],
          patterns: [
            // The core has no folder named main or preload, so any such segment is the shell's.
            { group: ['**/renderer/**', '**/main/**', '**/preload/**'], message: 'The core is plain Node and knows nothing of the shell or the UI.' },
          ],
        },
      ],
    },
  },
);
