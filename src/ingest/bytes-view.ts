/**
 * A plain Uint8Array over the same memory as a Buffer, without copying
 * (`new Uint8Array(buffer)` copies, which doubles the memory of a big input).
 */
export function bytesView(buffer: Uint8Array): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
