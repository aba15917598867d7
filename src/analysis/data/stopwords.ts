/**
 * Bengali function words, curated by hand for this project (pronouns, postpositions,
 * conjunctions, copulas and auxiliaries, particles). Written by us rather than inherited from
 * the public lists, which carry content words (`উত্তর`, `কাজ`, `নতুন`) and typos. Stored in NFC.
 * Used only to lower the weight of query words: documents are always indexed in full.
 *
 * @module
 * @internal
 */
export const STOPWORDS: readonly string[] = [
  // pronouns and demonstratives
  'আমি', 'আমরা', 'আমার', 'আমাদের', 'আমাকে', 'তুমি', 'তোমরা', 'তোমার', 'তোমাকে', 'আপনি', 'আপনারা', 'আপনার',
  'সে', 'তিনি', 'তারা', 'তাঁরা', 'তার', 'তাঁর', 'তাদের', 'তাঁদের', 'তাকে', 'তাঁকে', 'তা', 'তাই', 'এ', 'এই', 'এটা', 'এটি',
  'ওই', 'ঐ', 'ওটা', 'সেই', 'সেটা', 'সেটি', 'যে', 'যা', 'যারা', 'যিনি', 'যার', 'কে', 'কি', 'কী', 'কোন', 'কোনো', 'কেউ',
  'এর', 'এখানে', 'সেখানে', 'এমন', 'তেমন', 'নিজে', 'নিজের',
  // postpositions
  'থেকে', 'জন্য', 'জন্যে', 'নিয়ে', 'দিয়ে', 'সঙ্গে', 'সাথে', 'মধ্যে', 'কাছে', 'পরে', 'আগে', 'দ্বারা', 'প্রতি', 'উপর', 'ওপর',
  'হতে', 'চেয়ে', 'মতো', 'মত', 'বিষয়ে', 'পর্যন্ত', 'ধরে', 'বরং',
  // conjunctions
  'ও', 'এবং', 'আর', 'কিন্তু', 'বা', 'অথবা', 'যদি', 'তবে', 'তবু', 'তাহলে', 'কারণ', 'যেমন', 'নাকি', 'অথচ', 'যখন', 'তখন',
  // copulas, auxiliaries, light verbs
  'হয়', 'হয়ে', 'হয়েছে', 'হয়েছিল', 'হবে', 'হলে', 'হল', 'হলো', 'ছিল', 'ছিলেন', 'আছে', 'আছেন', 'নয়', 'নেই', 'না', 'করে',
  'করা', 'করেন', 'করেছে', 'করেছেন', 'বলে', 'বলেন', 'গেছে', 'যায়', 'দেয়', 'নেয়',
  // particles and quantifiers
  'তো', 'ই', 'ও', 'শুধু', 'আরও', 'আরো', 'খুব', 'অনেক', 'সব', 'সবাই', 'কিছু', 'একটি', 'একটা', 'এক', 'অন্য',
].map((word) => word.normalize('NFC'))
