// Biometric data and credentials never reach the event log: a capture's embedding and a scanned QR
// token (a visitor pass token opens the gate while the pass is valid) are replaced by their size.
// Everything else in an event is kept as the device sent it (after schema validation).

const SENSITIVE_FIELDS = ['embedding', 'token'] as const;

export function redactEventData(data: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const f of SENSITIVE_FIELDS) {
    if (f in data) {
      out ??= { ...data };
      const v = out[f];
      delete out[f];
      out[`${f}Redacted`] = typeof v === 'string' ? { length: v.length } : true;
    }
  }
  return out ?? data;
}
