/**
 * The Bijoy keyboard / SutonnyMJ font layout: which Bengali letter, sign or conjunct each
 * character of a Bijoy text draws. Bijoy text is stored as Windows-1252 bytes; read as text, the
 * bytes 0x80–0x9F are the Windows-1252 characters (`‡` U+2021 for 0x87) and 0xA0–0xFF are Latin-1.
 *
 * Sources: the layout tables of Avro Keyboard's ANSI converter (sarim/ibus-avro
 * `ANSIconverter.js`, Apache-2.0) and of bijoy2unicode (Mad-FOX/bijoy2unicode, MIT), checked
 * against each other and against real Bijoy text (see docs/analysis.md, "Legacy Bijoy text").
 * Written by hand from those facts; no code was copied. All values are NFC (a test checks it).
 *
 * Order of the text is visual, not logical: the pre-base vowel signs (`w` ি, `‡` ে, `ˆ` ৈ) are
 * typed before their consonant and the reph (`©`) after it. The converter
 * (`legacy-convert.ts`) moves them; this table only says what each character is.
 *
 * @module
 * @internal
 */

/** Stands for the reph (র্ typed after its consonant cluster) until the converter has moved it. */
export const REPH = '\uE000'

/** Bijoy character → Unicode Bengali. Characters not in the table (space, `,`, `(`…) stay as they are. */
export const BIJOY_GLYPHS: Readonly<Record<string, string>> = {
  // independent vowels (`Av` = অ + া, joined to আ by the converter)
  A: 'অ', B: 'ই', C: 'ঈ', D: 'উ', E: 'ঊ', F: 'ঋ', G: 'এ', H: 'ঐ', I: 'ও', J: 'ঔ',
  // consonants
  K: 'ক', L: 'খ', M: 'গ', N: 'ঘ', O: 'ঙ', P: 'চ', Q: 'ছ', R: 'জ', S: 'ঝ', T: 'ঞ',
  U: 'ট', V: 'ঠ', W: 'ড', X: 'ঢ', Y: 'ণ', Z: 'ত', _: 'থ', '`': 'দ', a: 'ধ', b: 'ন',
  c: 'প', d: 'ফ', e: 'ব', f: 'ভ', g: 'ম', h: 'য', i: 'র', j: 'ল', k: 'শ', l: 'ষ',
  m: 'স', n: 'হ', o: 'ড়', p: 'ঢ়', q: 'য়', r: 'ৎ', s: 'ং', t: 'ঃ', u: 'ঁ',
  // vowel signs; ি ে ৈ are typed before the consonant (two glyphs each for ে ৈ ু ূ ৃ)
  v: 'া', w: 'ি', x: 'ী', y: 'ু', z: 'ু', '“': 'ু', '–': 'ু', æ: 'ু', '~': 'ূ', 'ƒ': 'ূ', '‚': 'ূ',
  '…': 'ৃ', '„': 'ৃ', '‡': 'ে', '†': 'ে', 'ˆ': 'ৈ', '‰': 'ৈ', Š: 'ৗ',
  // digits (the font draws ASCII digits as Bengali digits)
  0: '০', 1: '১', 2: '২', 3: '৩', 4: '৪', 5: '৫', 6: '৬', 7: '৭', 8: '৮', 9: '৯',
  // hasanta, danda, quotes and dashes
  '&': '্', '|': '।', Ò: '“', Ó: '”', Ô: '‘', Õ: '’', Ð: '–', Ñ: '—',
  // reph, and the phalas (ya, ra, ba, la, na, ma) attached after a consonant
  '©': REPH, '¨': '্য', '«': '্র', 'ª': '্র', Ö: '্র', '^': '্ব', Ÿ: '্ব', '¡': '্ব', '¦': '্ব',
  '¬': '্ল', '\u00AD': '্ল', ø: '্ল', œ: '্ন', è: '্ন', '¥': '্ম', '§': '্ম',
  // half forms (the first consonant of a conjunct, with its hasanta)
  '•': 'ঙ্', '”': 'চ্', '˜': 'দ্', '™': 'দ্', š: 'ন্', '›': 'ন্', '¤': 'ম্', '®': 'ষ্', '¯': 'স্',
  // second halves (hasanta and consonant)
  '‘': '্তু', '’': '্থ', '‹': '্ক', Œ: '্ক্র', '—': '্ত', Í: '্ত', '¢': '্ভ', '£': '্ভ্র', '¿': '্ত্র', ú: '্প',
  // whole conjunct glyphs
  '°': 'ক্ক', '±': 'ক্ট', '²': 'ক্ষ্ণ', '³': 'ক্ত', '´': 'ক্ম', µ: 'ক্র', '¶': 'ক্ষ', '·': 'ক্স',
  '¸': 'গু', '¹': 'জ্ঞ', º: 'গ্দ', '»': 'গ্ধ', '¼': 'ঙ্ক', '½': 'ঙ্গ', '¾': 'জ্জ', À: 'জ্ঝ',
  Á: 'জ্ঞ', Â: 'ঞ্চ', Ã: 'ঞ্ছ', Ä: 'ঞ্জ', Å: 'ঞ্ঝ', Æ: 'ট্ট', Ç: 'ড্ড', È: 'ণ্ট', É: 'ণ্ঠ',
  Ê: 'ণ্ড', Ë: 'ত্ত', Ì: 'ত্থ', Î: 'ত্র', Ï: 'দ্দ', '×': 'দ্ধ', Ø: 'দ্ব', Ù: 'দ্ম',
  Ú: 'ন্ঠ', Û: 'ন্ড', Ü: 'ন্ধ', Ý: 'ন্স', Þ: 'প্ট', ß: 'প্ত', à: 'প্প', á: 'প্স', â: 'ব্জ',
  ã: 'ব্দ', ä: 'ব্ধ', å: 'ভ্র', ç: 'ম্ফ', é: 'ল্ক', ê: 'ল্গ', ë: 'ল্ট', ì: 'ল্ড',
  í: 'ল্প', î: 'ল্ফ', ï: 'শু', ð: 'শ্চ', ñ: 'শ্ছ', ò: 'ষ্ণ', ó: 'ষ্ট', ô: 'ষ্ঠ', õ: 'ষ্ফ',
  ö: 'স্খ', '÷': 'স্ট', ù: 'স্ফ', û: 'হু', ü: 'হৃ', ý: 'হ্ন', þ: 'হ্ম', ÿ: 'ক্ষ',
}
