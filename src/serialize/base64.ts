/**
 * Base64 for the binary parts of a saved index (postings, offsets). Uses the runtime's Buffer
 * when there is one (Node), a plain implementation otherwise (browsers), so the library entry
 * imports no Node built-in.
 *
 * @module
 * @internal
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const LOOKUP = new Int16Array(128).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i

interface BufferLike {
  from(data: Uint8Array | string, encoding?: string): Uint8Array & { toString(encoding: string): string }
}
const NodeBuffer = (globalThis as { Buffer?: BufferLike }).Buffer

/** Encodes bytes as base64. */
export function encodeBase64(bytes: Uint8Array): string {
  if (NodeBuffer !== undefined) return NodeBuffer.from(bytes.buffer instanceof ArrayBuffer ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes).toString('base64')
  let out = ''
  const CHUNK = 3 * 4096
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const parts: string[] = []
    const end = Math.min(start + CHUNK, bytes.length)
    for (let i = start; i < end; i += 3) {
      const a = bytes[i] as number
      const b = i + 1 < end ? (bytes[i + 1] as number) : 0
      const c = i + 2 < end ? (bytes[i + 2] as number) : 0
      const triple = (a << 16) | (b << 8) | c
      parts.push(
        ALPHABET[(triple >> 18) & 63] as string,
        ALPHABET[(triple >> 12) & 63] as string,
        i + 1 < end ? (ALPHABET[(triple >> 6) & 63] as string) : '=',
        i + 2 < end ? (ALPHABET[triple & 63] as string) : '=',
      )
    }
    out += parts.join('')
  }
  return out
}

/** Decodes base64, or returns undefined when the text is not valid base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0) return undefined
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0
  const expected = (text.length / 4) * 3 - padding
  if (NodeBuffer !== undefined) {
    // Buffer skips characters outside the alphabet, so a wrong length reveals them
    const decoded = NodeBuffer.from(text, 'base64')
    if (decoded.byteLength !== expected) return undefined
    return new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength)
  }
  for (let i = 0; i < text.length - padding; i++) {
    const code = text.charCodeAt(i)
    if (code >= 128 || LOOKUP[code] === -1) return undefined
  }
  const bytes = new Uint8Array(expected)
  let o = 0
  for (let i = 0; i < text.length; i += 4) {
    const n =
      ((LOOKUP[text.charCodeAt(i)] as number) << 18) |
      ((LOOKUP[text.charCodeAt(i + 1)] as number) << 12) |
      (((LOOKUP[text.charCodeAt(i + 2)] as number) & 63) << 6) |
      ((LOOKUP[text.charCodeAt(i + 3)] as number) & 63)
    if (o < bytes.length) bytes[o++] = (n >> 16) & 255
    if (o < bytes.length) bytes[o++] = (n >> 8) & 255
    if (o < bytes.length) bytes[o++] = n & 255
  }
  return bytes
}

/** Int32 values as little-endian bytes in base64. */
export function encodeInt32s(values: Int32Array): string {
  const bytes = new Uint8Array(values.length * 4)
  const view = new DataView(bytes.buffer)
  values.forEach((value, i) => view.setInt32(i * 4, value, true))
  return encodeBase64(bytes)
}

/** Decodes {@link encodeInt32s}, or undefined when malformed. */
export function decodeInt32s(text: string): Int32Array | undefined {
  const bytes = decodeBase64(text)
  if (bytes === undefined || bytes.length % 4 !== 0) return undefined
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const values = new Int32Array(bytes.length / 4)
  for (let i = 0; i < values.length; i++) values[i] = view.getInt32(i * 4, true)
  return values
}
