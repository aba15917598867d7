import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    // tests run against the sources; test/dist checks the built package in separate processes
    alias: [
      { find: /^bangla-search$/, replacement: path.resolve(__dirname, 'src/index.ts') },
      { find: /^bangla-search\/node$/, replacement: path.resolve(__dirname, 'src/node/index.ts') },
      { find: /^bangla-search\/opensearch$/, replacement: path.resolve(__dirname, 'src/opensearch/index.ts') },
      { find: /^bangla-search\/(flexsearch|minisearch|orama|lunr)$/, replacement: path.resolve(__dirname, 'src/adapters/$1.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
