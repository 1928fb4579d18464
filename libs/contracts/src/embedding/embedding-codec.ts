// Wire format of face embeddings (PROTOCOL.md): base64 of float32 little-endian.

export const DEFAULT_EMBEDDING_DIM = 512;

/** Base64 of the vector's float32 values, little-endian whatever the host byte order. */
export function encodeEmbedding(v: Float32Array): string {
  const buf = Buffer.alloc(v.length * 4);
  for (let i = 0; i < v.length; i++) buf.writeFloatLE(v[i], i * 4);
  return buf.toString('base64');
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decodes a base64 float32 LE vector of exactly `dim` components. Returns null for anything else:
 * not base64, wrong length, NaN or ±Infinity (a bad template must never reach the matcher).
 */
export function decodeEmbedding(b64: string, dim: number): Float32Array | null {
  if (typeof b64 !== 'string' || !Number.isInteger(dim) || dim <= 0) return null;
  // Buffer.from silently skips invalid characters, so check the alphabet and padding first.
  if (b64.length !== 4 * Math.ceil((dim * 4) / 3) || !BASE64.test(b64)) return null;
  const buf = Buffer.from(b64, 'base64');
  if (buf.length !== dim * 4) return null;
  const out = new Float32Array(dim);
  for (let i = 0; i < dim; i++) {
    const x = buf.readFloatLE(i * 4);
    if (!Number.isFinite(x)) return null;
    out[i] = x;
  }
  return out;
}

/** A unit-length copy (float64 accumulation); null for a zero or non-finite vector. */
export function normalize(v: Float32Array): Float32Array | null {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i] * v[i];
  if (!(sum > 0) || !Number.isFinite(sum)) return null;
  const inv = 1 / Math.sqrt(sum);
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i] * inv;
  return out;
}
