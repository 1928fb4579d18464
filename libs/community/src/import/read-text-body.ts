import { PayloadTooLargeException } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';

/**
 * Reads a request body no parser has consumed (text/csv), refusing more than `maxBytes` with a 413.
 * An oversized body is still drained before answering, so the client sees the 413 instead of a reset.
 */
export async function readTextBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = Number.isFinite(declared) && declared > maxBytes;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) tooLarge = true;
    if (!tooLarge) chunks.push(chunk);
  }
  if (tooLarge) throw new PayloadTooLargeException(`CSV file is larger than ${maxBytes} bytes; split it into several imports`);
  return Buffer.concat(chunks).toString('utf8');
}
