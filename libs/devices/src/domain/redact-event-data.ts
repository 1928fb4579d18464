// Biometric data never reaches the event log: a capture's embedding is replaced by its size.
// Everything else in an event is kept as the device sent it (after schema validation).

const BIOMETRIC_FIELDS = ['embedding'] as const;

export function redactEventData(data: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const f of BIOMETRIC_FIELDS) {
    if (f in data) {
      out ??= { ...data };
      const v = out[f];
      delete out[f];
      out[`${f}Redacted`] = typeof v === 'string' ? { base64Length: v.length } : true;
    }
  }
  return out ?? data;
}
