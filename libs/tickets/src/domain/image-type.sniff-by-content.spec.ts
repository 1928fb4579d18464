import { safeFileName, sniffImageType } from './image-type';

const bytes = (...parts: (number[] | string)[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffImageType: what an upload is, from its first bytes', () => {
  it('recognizes JPEG, PNG, GIF, WebP and HEIC', () => {
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(sniffImageType(bytes('GIF89a'))).toBe('image/gif');
    expect(sniffImageType(bytes('RIFF', [1, 2, 3, 4], 'WEBP'))).toBe('image/webp');
    expect(sniffImageType(bytes([0, 0, 0, 24], 'ftyp', 'heic'))).toBe('image/heic');
  });

  it('refuses scripts, PDFs, SVG and truncated headers whatever they are called', () => {
    expect(sniffImageType(bytes('<script>'))).toBeNull();
    expect(sniffImageType(bytes('%PDF-1.7'))).toBeNull();
    expect(sniffImageType(bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull();
    expect(sniffImageType(bytes([0x89], 'PN'))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });

  it('keeps only a clean base name', () => {
    expect(safeFileName('../../etc/passwd.png', 'image/png')).toBe('passwd.png');
    expect(safeFileName('C:\\photos\\leak "1".jpg', 'image/jpeg')).toBe('leak 1.jpg');
    expect(safeFileName(undefined, 'image/webp')).toBe('photo.webp');
    expect(safeFileName('x'.repeat(300), 'image/png')).toHaveLength(200);
  });
});
