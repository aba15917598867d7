/**
 * Character classes of the Bengali block (U+0980–U+09FF) as code-unit tests, shared by the
 * analysis stages. All tables assume NFC text, where ড় ঢ় য় are written base + nukta (U+09BC).
 *
 * @module
 * @internal
 */

/** ক … হ (U+0995–U+09B9), the bases of the nukta letters included. */
export function isConsonant(code: number): boolean {
  return code >= 0x0995 && code <= 0x09b9
}

/** অ … ঔ, ঋ, ঌ, ৠ, ৡ: the independent vowels. */
export function isIndependentVowel(code: number): boolean {
  return (code >= 0x0985 && code <= 0x0994) || code === 0x09e0 || code === 0x09e1
}

/** া … ৌ, the au length mark and the vocalic-l/ll signs: the dependent vowel signs. */
export function isVowelSign(code: number): boolean {
  return (code >= 0x09be && code <= 0x09cc) || code === 0x09d7 || code === 0x09e2 || code === 0x09e3
}

/** ঁ ং ঃ ় ্ and the vowel signs: every Bengali combining mark. */
export function isBengaliMark(code: number): boolean {
  return (code >= 0x0981 && code <= 0x0983) || code === 0x09bc || code === 0x09cd || isVowelSign(code)
}

/** A Bengali letter for word-building purposes: consonant, independent vowel, ৎ, ং, or a rare letter. */
export function isBengaliLetter(code: number): boolean {
  return (
    isConsonant(code) ||
    isIndependentVowel(code) ||
    code === 0x09ce || // ৎ khanda ta
    code === 0x0982 || // ং anusvara behaves as a final consonant
    code === 0x09bd || // ঽ avagraha
    (code >= 0x09dc && code <= 0x09df) || // precomposed nukta letters (before NFC)
    code === 0x09f0 || // ৰ Assamese ra
    code === 0x09f1 || // ৱ Assamese wa
    code === 0x09fc // ৼ Vedic anusvara
  )
}

/** Any letter or mark of the Bengali block (digits and punctuation excluded). */
export function isBengaliLetterOrMark(code: number): boolean {
  return isBengaliLetter(code) || isBengaliMark(code)
}

/** ০ … ৯ (U+09E6–U+09EF). */
export function isBengaliDigit(code: number): boolean {
  return code >= 0x09e6 && code <= 0x09ef
}

/** U+0964 danda and U+0965 double danda. */
export const DANDA = 0x0964

/** U+09CD hasanta (virama), which joins consonants into conjuncts. */
export const VIRAMA = 0x09cd

/** U+09BC nukta. */
export const NUKTA = 0x09bc
