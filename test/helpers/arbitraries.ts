import fc from 'fast-check'

/** Code points of the Bengali block, the joiners, apostrophes, digits and a little ASCII: text that stresses every rule. */
const BENGALI_HEAVY = [
  ...Array.from({ length: 0x80 }, (_, i) => 0x0980 + i),
  0x200c, 0x200d, 0x200b, 0x00ad, 0xfeff, 0x0964, 0x0965, 0x2019, 0x0027, 0x003a, 0x002d, 0x002e, 0x002c, 0x0020, 0x000a,
  0x0041, 0x005a, 0x0061, 0x007a, 0x0030, 0x0039,
]

/** One code unit from the Bengali-heavy alphabet. */
export const bengaliChar = fc.constantFrom(...BENGALI_HEAVY.map((code) => String.fromCharCode(code)))

/** Strings of Bengali-heavy characters. */
export const bengaliText = (maxLength = 60) => fc.string({ unit: bengaliChar, maxLength })

/** Any UTF-16 string, lone surrogates included. */
export const anyText = (maxLength = 60) => fc.string({ unit: 'binary', maxLength })

/** Real Bengali words, to build documents that share vocabulary. */
export const WORDS = [
  'পুতিন', 'পুতিনের', 'রাশিয়া', 'রাশিয়ার', 'কিম', 'কিমের', 'বৈঠক', 'বৈঠকে', 'ভ্লাদিভোস্টক', 'ভ্লাদিভস্তক', 'উত্তর', 'কোরিয়া',
  'সফর', 'সফরে', 'নেতা', 'নেতারা', '২০১৯', '2019', 'ট্রাম্প', 'ওয়াশিংটন', 'সরকারি', 'সরকারী', 'দেশ', 'দেশগুলোর', 'putin', 'Moscow',
].map((word) => word.normalize('NFC'))

/** A short text made of real words. */
export const wordText = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 12 }).map((words) => words.join(' '))

/** Documents with unique ids. */
export const documents = fc
  .uniqueArray(fc.record({ id: fc.integer({ min: 0, max: 500 }), title: wordText, text: wordText }), {
    selector: (doc) => doc.id,
    maxLength: 12,
  })
