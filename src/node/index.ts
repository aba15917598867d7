/**
 * bangla-search/node: Node-only helpers to read a corpus from disk, index it, and save or load
 * an index file. The library itself (`bangla-search`) has no Node dependency.
 *
 * @example
 * ```ts
 * const { indexCorpus } = require('bangla-search/node')
 * const index = await indexCorpus('corpus/seeds')
 * index.search('ভ্লাদিভোস্টক')[0].id   // '000_ec15b545c941e6ec'
 * ```
 *
 * @packageDocumentation
 */

export { loadCorpus, TEXT_FILE_FIELDS, type LoadCorpusOptions, type LoadProgress } from './load-corpus.js'
export type { CorpusDocument, SkippedRecord } from './records.js'
export { indexCorpus, type IndexCorpusOptions, type IndexProgress } from './index-corpus.js'
export { loadIndexFile, saveIndexFile, type SavedIndexFile } from './index-file.js'
