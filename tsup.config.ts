import { defineConfig, type Format } from 'tsup'

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
    // bangla-search/opensearch: the analysis and expansion for an OpenSearch / Elasticsearch cluster.
    // It bundles its own copy of the analysis (it needs internals the main entry does not export);
    // the official clients are optional peer dependencies that it never imports.
    entry: { opensearch: 'src/opensearch/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
    external: ['@opensearch-project/opensearch', '@elastic/elasticsearch'],
  },
  // adapters for other search engines: one entry each, so the library entry does not grow and no
  // shared chunk (with a hashed name) appears; none imports its engine (an optional peer
  // dependency the user passes in)
  ...['flexsearch', 'minisearch', 'orama', 'lunr'].map((engine) => ({
    entry: { [`adapters/${engine}`]: `src/adapters/${engine}.ts` },
    format: ['esm', 'cjs'] as Format[],
    dts: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral' as const,
    treeshake: true,
  })),
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
