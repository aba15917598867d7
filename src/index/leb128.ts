/**
 * One digit of an unsigned LEB128 number, shared by every reader of the format's numbers.
 *
 * @module
 * @internal
 */

/**
 * The value of LEB128 byte `byte` at bit `shift`: an integer shift while it cannot overflow,
 * a multiplication past 2^28 (a float power on every byte made readers about ten times slower).
 */
export function leb128Digit(byte: number, shift: number): number {
  return shift < 28 ? (byte & 0x7f) << shift : (byte & 0x7f) * 2 ** shift
}
