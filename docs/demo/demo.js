/**
 * The web demo: fetch the saved index, load it with SearchIndex.fromBytes, search as the user
 * types. The last word is searched as a prefix (`word*` in the query syntax) unless the query
 * ends with a space, so results appear before a word is finished.
 */

import { SearchIndex } from 'bangla-search'

const SEARCH_OPTIONS = { limit: 10, highlight: true }
/** Matched words listed per hit, at most. */
const MAX_MATCHES_SHOWN = 4
/** Titles are the first line of an article, often a whole paragraph: cut them for display. */
const TITLE_LENGTH = 110

const input = /** @type {HTMLInputElement} */ (document.getElementById('q'))
const status = /** @type {HTMLOutputElement} */ (document.getElementById('status'))
const results = /** @type {HTMLOListElement} */ (document.getElementById('results'))

/** The query actually run: the last word becomes a prefix while it is being typed. */
function toLiveQuery(text) {
  const trimmed = text.trim()
  if (trimmed === '' || /\s$/u.test(text) || /[*"]$/u.test(trimmed)) return trimmed
  const quotes = trimmed.split('"').length - 1
  return quotes % 2 === 1 ? trimmed : `${trimmed}*`
}

/** Fetches and loads the saved index; `loadMs` covers the download and fromBytes. */
async function loadIndex() {
  const started = performance.now()
  const response = await fetch('index.bin')
  if (!response.ok) throw new Error(`index.bin: HTTP ${response.status} (run node docs/demo/build-index.mjs)`)
  const index = SearchIndex.fromBytes(await response.arrayBuffer())
  return { index, loadMs: performance.now() - started }
}

function element(tag, className, text) {
  const node = document.createElement(tag)
  if (className) node.className = className
  if (text !== undefined) node.textContent = text
  return node
}

function shorten(text, length) {
  return text.length <= length ? text : `${text.slice(0, length).replace(/\s+\S*$/u, '')}…`
}

/** One label per distinct (kind, word): "alias ভ্লাদিভোস্টকে". */
function matchList(hit) {
  const list = element('ul', 'matches')
  const seen = new Set()
  for (const match of hit.match) {
    const key = `${match.kind} ${match.term}`
    if (seen.has(key) || seen.size === MAX_MATCHES_SHOWN) continue
    seen.add(key)
    const item = element('li', 'match')
    item.dataset.kind = match.kind
    item.append(element('span', 'kind', match.kind), element('span', 'term', match.term))
    item.title = `“${match.query}” found “${match.term}” in ${match.field} (${match.kind})`
    list.append(item)
  }
  return list
}

function renderHit(hit) {
  const item = element('li', 'hit')
  item.dataset.id = String(hit.id)
  item.append(element('h2', 'title', shorten(String(hit.title ?? hit.id), TITLE_LENGTH)))
  const snippet = element('p', 'snippet')
  // The library HTML-escapes the text around its <mark> tags (highlight.escapeHtml defaults to true).
  snippet.innerHTML = hit.snippet ?? ''
  item.append(snippet, matchList(hit))
  return item
}

function run(index, loadMs) {
  const query = toLiveQuery(input.value)
  if (query === '') {
    results.replaceChildren()
    status.textContent = `${index.size} articles indexed (loaded in ${loadMs.toFixed(0)} ms). Type to search.`
  } else {
    const started = performance.now()
    const hits = index.search(query, SEARCH_OPTIONS)
    const ms = performance.now() - started
    results.replaceChildren(...hits.map(renderHit))
    status.textContent = `${hits.length === 0 ? 'No hits' : hits.length === 1 ? '1 hit' : `${hits.length} hits`} for ${query} in ${ms.toFixed(1)} ms`
  }
  results.dataset.query = query
}

try {
  const { index, loadMs } = await loadIndex()
  const search = () => run(index, loadMs)
  input.addEventListener('input', search)
  for (const button of document.querySelectorAll('button[data-query]')) {
    button.addEventListener('click', () => {
      input.value = button.dataset.query ?? ''
      input.focus()
      search()
    })
  }
  input.disabled = false
  input.focus()
  search()
  document.body.dataset.state = 'ready'
} catch (error) {
  status.textContent = `Could not load the search index: ${error instanceof Error ? error.message : String(error)}`
  document.body.dataset.state = 'error'
}
