/**
 * Base64 for the binary parts of a saved index (postings, offsets). Uses the runtime's Buffer
 * when there is one (Node: fast on an index of a hundred megabytes), the standard `btoa` and
 * `atob` otherwise (browsers), so the library entry imports no Node built-in.
 *
 * @module
 * @internal
 */

interface BufferLike {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): { toString(encoding: 'base64'): string }
  from(text: string, encoding: 'base64'): Uint8Array
}
const NodeBuffer = (globalThis as { Buffer?: BufferLike }).Buffer

/** Bytes per `String.fromCharCode` call when encoding without Buffer (calls take a limited number of arguments). */
const CHUNK = 0x8000

/** Encodes bytes as base64. */
export function encodeBase64(bytes: Uint8Array): string {
  if (NodeBuffer !== undefined) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
  let binary = ''
  for (let start = 0; start < bytes.length; start += CHUNK) binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK))
  return btoa(binary)
}

/** Decodes base64, or returns undefined when the value is not a string of valid base64. */
export function decodeBase64(text: unknown): Uint8Array | undefined {
  if (typeof text !== 'string' || text.length % 4 !== 0) return undefined
  const expected = (text.length / 4) * 3 - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0)
  let bytes: Uint8Array
  if (NodeBuffer !== undefined) {
    // a plain view, not the Buffer: a Buffer's slice() would share its memory
    const decoded = NodeBuffer.from(text, 'base64')
    bytes = new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength)
  } else {
    let binary: string
    try {
      binary = atob(text)
    } catch {
      return undefined
    }
    bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  }
  // Buffer skips characters outside the alphabet and atob drops spaces, so a wrong length reveals them
  return bytes.length === expected ? bytes : undefined
}

/** Int32 values as little-endian bytes in base64. */
export function encodeInt32s(values: Int32Array): string {
  const bytes = new Uint8Array(values.length * 4)
  const view = new DataView(bytes.buffer)
  values.forEach((value, i) => view.setInt32(i * 4, value, true))
  return encodeBase64(bytes)
}

/** Decodes {@link encodeInt32s}, or undefined when malformed (or not a string). */
export function decodeInt32s(text: unknown): Int32Array | undefined {
  const bytes = decodeBase64(text)
  if (bytes === undefined || bytes.length % 4 !== 0) return undefined
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const values = new Int32Array(bytes.length / 4)
  for (let i = 0; i < values.length; i++) values[i] = view.getInt32(i * 4, true)
  return values
}
