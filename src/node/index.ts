/**
 * bangla-search/node: Node-only helpers to read a corpus from disk, index it, and save or load
 * an index file. The library itself (`bangla-search`) has no Node dependency.
 *
 * @example
 * ```ts
 * const { indexCorpus } = require('bangla-search/node')
 * const index = await indexCorpus('corpus/seeds')
 * index.search('ভ্লাদিভোস্টক')[0].id   // '004_6e08107ec4b0f46b'
 * ```
 *
 * @packageDocumentation
 */

export { loadCorpus, TEXT_FILE_FIELDS, type LoadCorpusOptions, type LoadProgress } from './load-corpus.js'
export type { CorpusDocument, SkippedRecord } from './records.js'
export { indexCorpus, type IndexCorpusOptions, type IndexProgress } from './index-corpus.js'
export { loadIndex, loadIndexFile, saveIndex, saveIndexFile, type SaveIndexOptions, type SavedIndexFile } from './index-file.js'
