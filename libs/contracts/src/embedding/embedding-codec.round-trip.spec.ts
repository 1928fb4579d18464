import { decodeEmbedding, encodeEmbedding, normalize } from './embedding-codec';

describe('embedding codec', () => {
  it('encodes float32 little-endian as base64', () => {
    // 1.0f = 00 00 80 3f, -2.0f = 00 00 00 c0
    expect(encodeEmbedding(Float32Array.of(1, -2))).toBe(Buffer.from([0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0]).toString('base64'));
  });

  it('round-trips a 512-dim vector bit for bit', () => {
    const v = new Float32Array(512).map((_, i) => Math.sin(i) * 0.1);
    const back = decodeEmbedding(encodeEmbedding(v), 512);
    expect(back).not.toBeNull();
    expect(Array.from(back!)).toEqual(Array.from(v));
  });

  it('rejects a vector of another length', () => {
    const b64 = encodeEmbedding(new Float32Array(511).fill(0.1));
    expect(decodeEmbedding(b64, 512)).toBeNull();
    expect(decodeEmbedding(encodeEmbedding(new Float32Array(513).fill(0.1)), 512)).toBeNull();
  });

  it('rejects garbage that Buffer.from would silently accept', () => {
    const good = encodeEmbedding(new Float32Array(4).fill(0.5));
    expect(decodeEmbedding(good, 4)).not.toBeNull();
    expect(decodeEmbedding('!' + good.slice(1), 4)).toBeNull();
    expect(decodeEmbedding(good.replace(/=/g, ''), 4)).toBeNull();
    expect(decodeEmbedding('', 4)).toBeNull();
    expect(decodeEmbedding(123 as unknown as string, 4)).toBeNull();
    expect(decodeEmbedding(good, 0)).toBeNull();
  });

  it('rejects NaN and Infinity components', () => {
    expect(decodeEmbedding(encodeEmbedding(Float32Array.of(0.1, NaN, 0.2)), 3)).toBeNull();
    expect(decodeEmbedding(encodeEmbedding(Float32Array.of(0.1, Infinity, 0.2)), 3)).toBeNull();
    expect(decodeEmbedding(encodeEmbedding(Float32Array.of(-Infinity, 0, 0)), 3)).toBeNull();
  });

  it('normalizes to unit length and refuses a zero vector', () => {
    const n = normalize(Float32Array.of(3, 4))!;
    expect(n[0]).toBeCloseTo(0.6, 6);
    expect(n[1]).toBeCloseTo(0.8, 6);
    expect(normalize(new Float32Array(8))).toBeNull();
    expect(normalize(Float32Array.of(NaN, 1))).toBeNull();
  });
});
