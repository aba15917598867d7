import { describe, expect, it } from 'vitest'
import { STOPWORDS } from '../../src/analysis/data/stopwords.js'
import { isStopword } from '../../src/analysis/stopwords.js'

describe('stopwords', () => {
  it.each([['এবং'], ['থেকে'], ['তিনি'], ['হয়']])('%s is a stopword', (word) => {
    expect(isStopword(word.normalize('NFC'))).toBe(true)
  })

  it.each([['উত্তর'], ['কাজ'], ['নতুন'], ['পুতিন']])('%s is not (content words stay searchable)', (word) => {
    expect(isStopword(word.normalize('NFC'))).toBe(false)
  })

  it('stores the list in NFC, without duplicates beyond a handful', () => {
    for (const word of STOPWORDS) expect(word).toBe(word.normalize('NFC'))
    expect(STOPWORDS.length).toBeLessThan(200)
  })
})
