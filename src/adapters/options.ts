/**
 * Shared by the engine adapters: checking their small option objects, with the library's
 * typed errors.
 *
 * @module
 * @internal
 */

import { BanglaSearchError, describeValue, isPlainObject, refuseValue } from '../errors.js'

/**
 * Checks an adapter's options: `undefined` or a plain object whose keys are all known and whose
 * values are each one of the allowed strings. Returns the object (or an empty one).
 *
 * @param caller - the function the options were given to, for the message (`oramaTokenizer()`)
 * @param options - what the user passed
 * @param allowed - each known option and its allowed values
 * @throws {@link BanglaSearchError} `INVALID_OPTION` on anything else
 * @internal
 */
export function checkOptions<Options extends object>(
  caller: string,
  options: unknown,
  allowed: { readonly [Key in keyof Options]-?: readonly string[] },
): Options {
  if (options === undefined) return {} as Options
  if (!isPlainObject(options)) refuseValue('INVALID_OPTION', `The options of ${caller}`, 'an object', options)
  const known = allowed as Readonly<Record<string, readonly string[]>>
  for (const [key, value] of Object.entries(options)) {
    const values = known[key]
    if (values === undefined) {
      throw new BanglaSearchError(
        'INVALID_OPTION',
        `${caller} has no option ${describeValue(key)}; its options are ${Object.keys(known).join(', ')}.`,
      )
    }
    if (value !== undefined && !values.includes(value as string)) {
      refuseValue('INVALID_OPTION', key, values.map((item) => `'${item}'`).join(' or '), value)
    }
  }
  return options as Options
}

/** Refuses a text that is not a string, naming the function that got it. @internal */
export function checkText(caller: string, text: unknown): asserts text is string {
  if (typeof text !== 'string') {
    throw new BanglaSearchError('INVALID_ARGUMENT', `${caller} takes a string, got ${describeValue(text)}.`)
  }
}
