/** The title of a `.txt` document: one row per rule of src/node/title.ts. */

import { describe, expect, it } from 'vitest'
import { boilerplateLines, pickTitle } from '../../src/node/title.js'

const PARAGRAPH = 'বুধবার ট্রেনে করে রাশিয়ার সীমান্তে ভ্লাদিভস্তক শহরে পৌঁছেছেন তিনি। বৃহস্পতিবার এই শহরেই পুতিনের সঙ্গে বৈঠকে মিলিত হবেন বিশ্বের আলোচিত এই নেতা, জানিয়েছে রাশিয়ার সংবাদমাধ্যম। কোরীয় উপদ্বীপে পরমাণু নিরস্ত্রীকরণের লক্ষ্যে সহায়তা করতে চান পুতিন।'

/** [rule, file content, expected title]. */
const RULES: ReadonlyArray<readonly [rule: string, content: string, title: string]> = [
  ['a headline on the first line', 'পুতিনের সফর শেষ\n\nরুশ প্রেসিডেন্ট দেশে ফিরেছেন।', 'পুতিনের সফর শেষ'],
  ['a line of one word (a stray Latin letter) is skipped', 'X\nকিমের ট্রেন রাশিয়ায়\nলেখা।', 'কিমের ট্রেন রাশিয়ায়'],
  ['a line of one word (a section name) is skipped', 'খেলাধুলা\n\nসাকিবের দুর্দান্ত সেঞ্চুরি\n\nলেখা।', 'সাকিবের দুর্দান্ত সেঞ্চুরি'],
  ['a date line is skipped', 'বৃহস্পতিবার, ০৩ জুলাই ২০২৫\n১৯ আষাঢ় ১৪৩২\nবাজেট পাস হলো সংসদে\nলেখা।', 'বাজেট পাস হলো সংসদে'],
  ['a time line in ASCII digits is skipped', 'Updated 12:40, 5 May 2024\nঢাকায় ভারী বৃষ্টি\nলেখা।', 'ঢাকায় ভারী বৃষ্টি'],
  ['a headline may hold a year', '২০২৪ সালের বাজেট পাস হলো আজ\nলেখা।', '২০২৪ সালের বাজেট পাস হলো আজ'],
  ['a breadcrumb trail is skipped', 'হোম > আন্তর্জাতিক > এশিয়া\nপুতিনের উত্তর কোরিয়া সফর\nলেখা।', 'পুতিনের উত্তর কোরিয়া সফর'],
  ['a paragraph gives its first sentence', PARAGRAPH, 'বুধবার ট্রেনে করে রাশিয়ার সীমান্তে ভ্লাদিভস্তক শহরে পৌঁছেছেন তিনি।'],
  [
    'a news dateline is dropped and a long sentence cut at a comma',
    `সিউল, সেপ্টেম্বর 12 – উত্তর কোরিয়ার নেতা কিম জং উন রাশিয়ায় পৌঁছেছেন, মঙ্গলবার জাপানি মিডিয়া জানিয়েছে, ক্রেমলিন বলেছে তার জন্য ওয়াশিংটনের সতর্কতার মধ্যে প্রেসিডেন্ট পুতিনের সাথে বড় আলোচনা হবে। ${PARAGRAPH}`,
    'উত্তর কোরিয়ার নেতা কিম জং উন রাশিয়ায় পৌঁছেছেন, মঙ্গলবার জাপানি মিডিয়া জানিয়েছে',
  ],
  ['only one-word lines: the first line, as before', 'X\nY\n', 'X'],
  ['an empty file', '\n \n', ''],
]

describe('pickTitle: one row per rule', () => {
  it.each(RULES)('%s', (_rule, content, title) => {
    expect(pickTitle(content).title).toBe(title)
  })

  it('keeps every other line in the text, and the whole paragraph when the title comes from it', () => {
    expect(pickTitle('X\nবাজেট পাস হলো সংসদে\n\nলেখা।')).toEqual({ title: 'বাজেট পাস হলো সংসদে', text: 'X\n\nলেখা।' })
    expect(pickTitle(PARAGRAPH).text).toBe(PARAGRAPH)
  })
})

describe('boilerplateLines: short lines that start several files', () => {
  it('finds them, and pickTitle skips them', () => {
    const files = ['আন্তর্জাতিক ডেস্ক\nকিমের ট্রেন রাশিয়ায়', 'আন্তর্জাতিক ডেস্ক\nপুতিনের সফর শেষ', 'ঢাকার খবর আজ\nলেখা']
    const boilerplate = boilerplateLines(files)
    expect([...boilerplate]).toEqual(['আন্তর্জাতিক ডেস্ক'])
    expect(pickTitle(files[0] as string, boilerplate).title).toBe('কিমের ট্রেন রাশিয়ায়')
    expect(pickTitle(files[2] as string, boilerplate).title).toBe('ঢাকার খবর আজ')
  })
})
