/**
 * Test texts for legacy-encoding detection. The Bijoy rows were encoded by hand from the Bengali
 * sentence beside them with the Bijoy letter table of docs/bengali-text.md §2.3 (K=ক, M=গ, R=জ,
 * Z=ত, _=থ, `=দ, b=ন, e=ব, g=ম, i=র, j=ল, k=শ, m=স, n=হ, q=য়, s=ং, A=অ, Av=আ, B=ই, D=উ, G=এ, I=ও;
 * v=া, w=ি and ‡=ে typed before their consonant, x=ী, y=ু, …=ৃ, ¨=্য, «=্র, ©=reph, ¶=ক্ষ, Á=জ্ঞ,
 * |=।; digits stay ASCII). They are our own sentences, not copied text.
 */

/** [Bijoy bytes as Latin-1 text, the Unicode sentence it encodes]. */
export const BIJOY_SAMPLES: ReadonlyArray<readonly [bijoy: string, unicode: string]> = [
  ['‡m AvR evRv‡i hv‡e bv|', 'সে আজ বাজারে যাবে না।'],
  ['wZwb e‡jb, miKvi GB wel‡q KvR Ki‡Q|', 'তিনি বলেন, সরকার এই বিষয়ে কাজ করছে।'],
  ['XvKv ‡_‡K Lyjbv ‡h‡Z A‡bK mgq jv‡M|', 'ঢাকা থেকে খুলনা যেতে অনেক সময় লাগে।'],
  ['Avgv‡`i ‡`‡ki gvbyl fvZ I gvQ ‡L‡Z fv‡jvev‡m|', 'আমাদের দেশের মানুষ ভাত ও মাছ খেতে ভালোবাসে।'],
  ['‡Q‡jwU ‡ivR mKv‡j eB c‡o|', 'ছেলেটি রোজ সকালে বই পড়ে।'],
  ['evsjv‡`‡ki ivRavbx XvKv GKwU eo kni|', 'বাংলাদেশের রাজধানী ঢাকা একটি বড় শহর।'],
  ['AvR mviv w`b ‡gNjv _vK‡e e‡j Rvbv ‡M‡Q|', 'আজ সারা দিন মেঘলা থাকবে বলে জানা গেছে।'],
  ['‡Zvgvi bvg Kx? Avgvi bvg iwng|', 'তোমার নাম কী? আমার নাম রহিম।'],
  ['GB eQi av‡bi djb fv‡jv n‡q‡Q Ges K…l‡Kiv Lywk|', 'এই বছর ধানের ফলন ভালো হয়েছে এবং কৃষকেরা খুশি।'],
  ['bZyb ‡mZyi KvR AvMvgx gv‡m ‡kl n‡e|', 'নতুন সেতুর কাজ আগামী মাসে শেষ হবে।'],
  ['GUv mevi Rb¨ Lye Riywi Lei|', 'এটা সবার জন্য খুব জরুরি খবর।'],
  ['M«v‡gi gvbyl c«_g evi ‡fvU w`j|', 'গ্রামের মানুষ প্রথম বার ভোট দিল।'],
  ['Kg©xiv mKvj ‡_‡K KvR Ki‡Qb|', 'কর্মীরা সকাল থেকে কাজ করছেন।'],
  ['2024 mv‡j 15wU bZyb we`¨vjq Pvjy n‡q‡Q|', '২০২৪ সালে ১৫টি নতুন বিদ্যালয় চালু হয়েছে।'],
  ['¶gv Kiv Ges Ávb AR©b Kiv DwPZ|', 'ক্ষমা করা এবং জ্ঞান অর্জন করা উচিত।'],
]

/** [text, what it is]: none of these is legacy Bijoy text. */
export const NOT_BIJOY: ReadonlyArray<readonly [text: string, kind: string]> = [
  ['The quick brown fox jumps over the lazy dog.', 'English prose'],
  ['const total = items.reduce((sum, x) => sum + x.price, 0); // TODO', 'code'],
  ['https://example.com/search?q=bangla&lang=bn#results', 'a URL'],
  ['1,234.56 + 7,890 = 9,124.56 (2024-11-24)', 'numbers'],
  ['Putin-এর সঙ্গে Kim Jong Un-এর বৈঠক হয়েছে Vladivostok-এ।', 'mixed English and Unicode Bengali'],
  ['আমি বাংলায় গান গাই।', 'Unicode Bengali'],
  ['Über den Wolken: Müller, Größe und Ärger in München.', 'German (Ü Ä are marker bytes)'],
  ["Élève à l'école, café crème, déjà vu — São Paulo, naïve.", 'French and Portuguese'],
  ['© 2024 Example Corp. All rights reserved. 25°C ± 2°, ½ cup, 10µs.', 'symbols that are Bijoy markers'],
  ['ami banglay gan gai, tumi kemon acho? bhalo achi.', 'romanised Bengali (Banglish)'],
  ['MÜNCHEN: GRÖSSTE FEIER FÜR ÜBER 1000 GÄSTE', 'German in capitals'],
  ['«Hola», dijo «adiós» y se fue.', 'Spanish with guillemets (« is ra-phala in Bijoy)'],
  ['Smith‡, Jones‡ and Brown‡ contributed equally.', 'footnote daggers (‡ is e-kar in Bijoy)'],
  ['{"id": 42, "title": "hello", "tags": ["a", "b"]}', 'JSON'],
  ['d41d8cd98f00b204e9800998ecf8427e SGVsbG8gV29ybGQ=', 'a hash and base64'],
  ['Þórshöfn, Ørsted, Ålesund and the Æsir.', 'Nordic names'],
  ['x² + y³ = z¹; ¼ + ½ = ¾; 3 × 4 ÷ 2', 'maths'],
  ['नमस्ते दुनिया, यह हिंदी है।', 'Devanagari'],
  ['Niels MÃ¶ller and JÃ©rÃ©mie CourrÃ¨ges wrote it', 'UTF-8 read as Latin-1 (mojibake, another fault)'],
  ['override IPv6 GPLv3 PvP encodingOverride', 'v after a capital in English and code'],
  ['××××××  ××××××× ××××××', 'a separator line of × signs (marker glyphs with no letter)'],
  ['', 'the empty string'],
  ['   \n\t ', 'whitespace'],
]

/** A Bijoy paragraph long enough for any field-length threshold. */
export const BIJOY_PARAGRAPH = BIJOY_SAMPLES.map(([bijoy]) => bijoy).join(' ')
