/**
 * Bengali function words, curated by hand for this project (pronouns, postpositions,
 * conjunctions, copulas and auxiliaries, particles). Written by us rather than inherited from
 * the public lists, which carry content words (`উত্তর`, `কাজ`, `নতুন`) and typos. Stored in NFC,
 * in alphabetical order within each group.
 * Used only to lower the weight of query words: documents are always indexed in full.
 *
 * @module
 * @internal
 */
export const STOPWORDS: readonly string[] = [
  // pronouns and demonstratives
  'আপনার', 'আপনারা', 'আপনি', 'আমরা', 'আমাকে', 'আমাদের', 'আমার', 'আমি', 'এ', 'এই', 'এখানে', 'এটা', 'এটি', 'এমন', 'এর',
  'ঐ', 'ওই', 'ওটা', 'কি', 'কী', 'কে', 'কেউ', 'কোন', 'কোনো', 'তা', 'তাঁকে', 'তাঁদের', 'তাঁর', 'তাঁরা', 'তাই', 'তাকে',
  'তাদের', 'তার', 'তারা', 'তিনি', 'তুমি', 'তেমন', 'তোমরা', 'তোমাকে', 'তোমার', 'নিজে', 'নিজের', 'যা', 'যার', 'যারা',
  'যিনি', 'যে', 'সে', 'সেই', 'সেখানে', 'সেটা', 'সেটি',
  // postpositions
  'আগে', 'উপর', 'ওপর', 'কাছে', 'চেয়ে', 'জন্য', 'জন্যে', 'থেকে', 'দিয়ে', 'দ্বারা', 'ধরে', 'নিয়ে', 'পরে', 'পর্যন্ত',
  'প্রতি', 'বরং', 'বিষয়ে', 'মত', 'মতো', 'মধ্যে', 'সঙ্গে', 'সাথে', 'হতে',
  // conjunctions
  'অথচ', 'অথবা', 'আর', 'এবং', 'ও', 'কারণ', 'কিন্তু', 'তখন', 'তবু', 'তবে', 'তাহলে', 'নাকি', 'বা', 'যখন', 'যদি',
  'যেমন',
  // copulas, auxiliaries, light verbs
  'আছে', 'আছেন', 'করা', 'করে', 'করেছে', 'করেছেন', 'করেন', 'গেছে', 'ছিল', 'ছিলেন', 'দেয়', 'নয়', 'না', 'নেই', 'নেয়',
  'বলে', 'বলেন', 'যায়', 'হবে', 'হয়', 'হয়ে', 'হয়েছিল', 'হয়েছে', 'হল', 'হলে', 'হলো',
  // particles and quantifiers
  'অনেক', 'অন্য', 'আরও', 'আরো', 'ই', 'এক', 'একটা', 'একটি', 'কিছু', 'খুব', 'তো', 'শুধু', 'সব', 'সবাই',
].map((word) => word.normalize('NFC'))
