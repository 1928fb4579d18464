// A QR code drawn as SVG from a token (resident entry code, visitor pass).
import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

export function QrCode({ value, size = 200, label }: { value: string; size?: number; label: string }) {
  const svg = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(value);
    qr.make();
    return qr.createSvgTag({ cellSize: 4, margin: 2, scalable: true });
  }, [value]);
  return <div role="img" aria-label={label} style={{ width: size, height: size }} dangerouslySetInnerHTML={{ __html: svg }} />;
}
