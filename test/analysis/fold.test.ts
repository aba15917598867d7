import { describe, expect, it } from 'vitest'
import { FOLD_RULES, fold } from '../../src/analysis/fold.js'

const nfc = (text: string) => text.normalize('NFC')

// [rule, input, expected]
const CASES: Array<[string, string, string]> = [
  ['ী → ি', 'সরকারী', 'সরকারি'],
  ['ী → ি', 'জাপানী', 'জাপানি'],
  ['ঈ → ই', 'ঈদ', 'ইদ'],
  ['ূ → ু', 'দূষিত', 'দুষিত'],
  ['ঊ → উ', 'ঊর্মি', 'উর্মি'],
  ['ণ → ন', 'গভর্ণর', 'গভর্নর'],
  ['ণ → ন and ী → ি together', 'শ্রেণী', 'শ্রেনি'],
  ['ঙ in a conjunct with ক/গ → ং', 'সঙ্গীত', 'সংগিত'],
  ['ঙ in a conjunct with ক/গ → ং', 'অহঙ্কার', 'অহংকার'],
  ['final ঙ → ং', 'রঙ', 'রং'],
  ['ঙ before a consonant → ং', 'বাঙলা', 'বাংলা'],
  ['ঙ before a vowel sign kept', 'রঙের', 'রঙের'],
  ['ঙ before a vowel sign kept', 'বাঙালি', 'বাঙালি'],
  ['doubled consonant after reph', 'কার্য্য', 'কার্য'],
  ['doubled consonant after reph', 'ধর্ম্ম', 'ধর্ম'],
  ['aspirated doubling after reph', 'বার্দ্ধক্য', 'বার্ধক্য'],
  ['aspirated doubling after reph', 'মূর্চ্ছা', 'মুর্ছা'],
  ['word-final visarga dropped', 'ক্রমশঃ', 'ক্রমশ'],
  ['medial visarga kept', 'দুঃখ', 'দুঃখ'],
]

describe('fold: one row per rule', () => {
  it.each(CASES)('%s: %s → %s', (_rule, input, expected) => {
    expect(fold(nfc(input))).toBe(nfc(expected))
  })

  it('has a test row naming every rule', () => {
    expect(FOLD_RULES.length).toBeGreaterThan(0)
    for (const input of ['সরকারী', 'ঈদ', 'দূষিত', 'ঊর্মি', 'গভর্ণর', 'সঙ্গীত', 'রঙ', 'কার্য্য', 'ক্রমশঃ']) {
      expect(fold(nfc(input))).not.toBe(nfc(input))
    }
  })

  it('merges these known minimal pairs (why folding applies to stems only)', () => {
    expect(fold(nfc('দীন'))).toBe(fold(nfc('দিন')))
    expect(fold(nfc('কূল'))).toBe(fold(nfc('কুল')))
  })
})
