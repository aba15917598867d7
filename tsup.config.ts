import { defineConfig } from 'tsup'

/** The Node helpers and the CLI import the library as the package itself, so one copy runs. */
const external = ['bangla-search', 'bangla-search/node']

export default defineConfig([
  {
    // the library: no Node built-ins, works in browsers through any bundler
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
  },
  {
    // adapters for other search engines: separate entries, so the library entry does not grow;
    // none imports its engine (an optional peer dependency the user passes in)
    entry: {
      'adapters/flexsearch': 'src/adapters/flexsearch.ts',
      'adapters/minisearch': 'src/adapters/minisearch.ts',
      'adapters/orama': 'src/adapters/orama.ts',
      'adapters/lunr': 'src/adapters/lunr.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
  },
  {
    // Node helpers (read a corpus folder or JSONL file) for the REPL and scripts
    entry: { node: 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    external,
  },
  {
    // the command line
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    external,
  },
])
