/**
 * The Bijoy → Unicode converter: one table row per rule (hand-encoded samples, Bijoy beside the
 * Unicode it must give), mixed texts where ASCII must stay, and a round trip over the words of
 * the seed corpus through a Unicode → Bijoy encoder.
 */

import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { BIJOY_GLYPHS, REPH } from '../../src/analysis/data/bijoy.js'
import { BanglaSearchError, convertLegacyBengali } from '../../src/index.js'
import { encodeBijoy } from '../helpers/bijoy-encode.js'

/** [rule, Bijoy, Unicode]. */
const RULES: ReadonlyArray<readonly [rule: string, bijoy: string, unicode: string]> = [
  ['consonants and post-base vowel signs keep their order', 'KvR Kx gyL', 'কাজ কী মুখ'],
  ['independent vowels; অ + া joins into আ', 'AvR Bwjk Cl©v DËi EaŸ© FZy GK HK¨ Ilya Jlwa', 'আজ ইলিশ ঈর্ষা উত্তর ঊর্ধ্ব ঋতু এক ঐক্য ওষুধ ঔষধি'],
  ['pre-base ি moves after its consonant', 'wZwb', 'তিনি'],
  ['pre-base ে moves after its consonant', '‡_‡K', 'থেকে'],
  ['pre-base ৈ moves after its consonant', 'ˆZwi', 'তৈরি'],
  ['the second glyph of ে (†) and of ৈ (‰) too', '†diZ ‰Zwi', 'ফেরত তৈরি'],
  ['ে … া joins into ো', '‡Kvb', 'কোন'],
  ['ে … ৗ joins into ৌ', '‡KŠkj', 'কৌশল'],
  ['a pre-base sign moves after a whole conjunct cluster', 'wm×všÍ', 'সিদ্ধান্ত'],
  ['a pre-base sign moves after a ra-phala cluster', 'wcÖq ‡cÖg', 'প্রিয় প্রেম'],
  ['ya-phala', 'Rb¨ e¨vsK', 'জন্য ব্যাংক'],
  ['ra-phala (three glyphs)', 'M«vg cÖ_g `ª“Z', 'গ্রাম প্রথম দ্রুত'],
  ['reph moves before its consonant', 'Kg©x', 'কর্মী'],
  ['reph typed after a post-base vowel sign', 'Kgx©', 'কর্মী'],
  ['reph before a cluster, then the pre-base sign after it', 'a‡g©', 'ধর্মে'],
  ['reph and a pre-base sign on different consonants', 'wba©vwiZ', 'নির্ধারিত'],
  ['reph before a conjunct cluster', 'Kvh©Ki', 'কার্যকর'],
  ['whole conjunct glyphs', '¶gv Ávb e…w× `yb©xwZ', 'ক্ষমা জ্ঞান বৃদ্ধি দুর্নীতি'],
  ['half forms and second halves', 'mš‘ó m¤úv`K ¯^vaxb', 'সন্তুষ্ট সম্পাদক স্বাধীন'],
  ['ba-, la-, na- and ma-phala', 'Z¡ K¬vm Dbœqb AvZ¥', 'ত্ব ক্লাস উন্নয়ন আত্ম'],
  ['ড় ঢ় য় come out in NFC (base + nukta)', 'eo Avlvp nq', 'বড় আষাঢ় হয়'],
  ['ৎ ং ঃ ঁ', 'Drme evsjv ZvwiLt Pvu`', 'উৎসব বাংলা তারিখঃ চাঁদ'],
  ['ঁ typed before a vowel sign goes after it', 'Puv`', 'চাঁদ'],
  ['danda, also standing alone', 'bv| nq |', 'না। হয় ।'],
  ['Bijoy quotes', 'ÒAvRÓ ÔbvÕ', '“আজ” ‘না’'],
  ['digits inside a Bijoy word are Bengali digits', '15wU', '১৫টি'],
  ['repair: a doubled hasanta', 'e&ª¨vK', 'ব্র্যাক'],
  ['repair: a vowel sign typed twice', 'Kvv', 'কা'],
  ['repair: a hasanta after a vowel sign', 'f~Æv&i', 'ভূট্টার'],
  ['repair: a second half with no consonant before it', 'úi', 'পর'],
  ["repair: a straight ' after a half form is ্থ", "¯^v¯'¨", 'স্বাস্থ্য'],
]

describe('convertLegacyBengali: one row per rule', () => {
  it.each(RULES)('%s: %s', (_rule, bijoy, unicode) => {
    expect(convertLegacyBengali(bijoy)).toBe(unicode.normalize('NFC'))
  })

  it('gives NFC text for every glyph of the table, and every value of the table is NFC', () => {
    for (const [glyph, unicode] of Object.entries(BIJOY_GLYPHS)) {
      expect(unicode, glyph).toBe(unicode.normalize('NFC'))
      const out = convertLegacyBengali(`K${glyph}`)
      expect(out, glyph).toBe(out.normalize('NFC'))
      if (unicode !== REPH) expect(out, glyph).not.toContain(REPH)
    }
  })

  it('rejects a non-string with a typed error', () => {
    expect(() => convertLegacyBengali(null as unknown as string)).toThrow(BanglaSearchError)
  })
})

/** [what, mixed text, expected]: ASCII that can be told apart from Bijoy stays. */
const MIXED: ReadonlyArray<readonly [what: string, text: string, expected: string]> = [
  ['a URL', 'I‡qemvBU https://example.com/bn?q=1 †`Lyb', 'ওয়েবসাইট https://example.com/bn?q=1 দেখুন'],
  ['an e-mail address and a domain', 'B‡gBj info@example.org ev www.example.org', 'ইমেইল info@example.org বা www.example.org'],
  ['numbers standing alone', '2024 mv‡j 3.5 j¶ UvKv', '2024 সালে 3.5 লক্ষ টাকা'],
  ['English words in a run', 'cvwLi bvg Black Francolin (Francolinus francolinus) Ges', 'পাখির নাম Black Francolin (Francolinus francolinus) এবং'],
  ['a long English word alone', 'Avwg Google e¨envi Kwi', 'আমি Google ব্যবহার করি'],
  ['short words between Bijoy words are Bijoy', 'gvQ I fvZ GB eB Lye fv‡jv', 'মাছ ও ভাত এই বই খুব ভালো'],
  ['Unicode Bengali words', 'XvKv ঢাকা', 'ঢাকা ঢাকা'],
]

describe('convertLegacyBengali: mixed text', () => {
  it.each(MIXED)('%s', (_what, text, expected) => {
    expect(convertLegacyBengali(text)).toBe(expected.normalize('NFC'))
  })

  it('keeps the spaces, tabs and line breaks between words', () => {
    expect(convertLegacyBengali('µg\tevsjv bvg\n\nBs‡iwR  bvg')).toBe('ক্রম\tবাংলা নাম\n\nইংরেজি  নাম')
  })
})

describe('convertLegacyBengali: round trip', () => {
  it('gives back the words of the seed corpus encoded as Bijoy (at least 99 %)', () => {
    const folder = new URL('../../corpus/seeds/', import.meta.url)
    const words = new Set<string>()
    for (const name of readdirSync(folder)) {
      const text = readFileSync(new URL(name, folder), 'utf8').normalize('NFC').replace(/[\u200C\u200D]/gu, '')
      for (const word of text.match(/[\u0981-\u09E3\u09F0\u09F1]+/gu) ?? []) words.add(word)
    }
    const wrong = [...words].filter((word) => convertLegacyBengali(encodeBijoy(word)) !== word)
    expect(words.size).toBeGreaterThan(900)
    expect(wrong.length / words.size, wrong.slice(0, 20).join(' ')).toBeLessThan(0.01)
  })
})
