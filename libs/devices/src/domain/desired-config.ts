import { checkDeviceConfig, compileValidator, DeviceConfigSchema, QuietHoursSchema, type CompiledValidator, type DeviceKind } from '@app/contracts';

// The body of PUT /devices/{id}/config and DeviceConfigService.setDesired: a speaker's config is
// the PROTOCOL.md shape (checked strictly: an unknown field is an error, not silently dropped);
// a gate's is any JSON object of bounded size. `version` and `ts` are the server's to set.

export const MAX_GATE_CONFIG_BYTES = 16 * 1024;
const SERVER_FIELDS = ['version', 'ts'];

export interface FieldProblem {
  field: string;
  reason: string;
}

export type DesiredConfigCheck = { ok: true; config: Record<string, unknown> } | { ok: false; problems: FieldProblem[] };

let validate: CompiledValidator<typeof DeviceConfigSchema> | undefined;

function unknownKeys(value: Record<string, unknown>, known: string[], prefix: string): FieldProblem[] {
  return Object.keys(value)
    .filter((k) => !known.includes(k))
    .map((k) => ({ field: `${prefix}${k}`, reason: 'is not a config field' }));
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function checkDesiredConfig(kind: DeviceKind, body: unknown): DesiredConfigCheck {
  if (!isPlainObject(body)) return { ok: false, problems: [{ field: 'body', reason: 'must be a JSON object' }] };
  const config = Object.fromEntries(Object.entries(body).filter(([k]) => !SERVER_FIELDS.includes(k)));
  if (kind === 'gate') {
    const size = Buffer.byteLength(JSON.stringify(config));
    return size > MAX_GATE_CONFIG_BYTES ? { ok: false, problems: [{ field: 'body', reason: `must be at most ${MAX_GATE_CONFIG_BYTES} bytes, got ${size}` }] } : { ok: true, config };
  }
  const problems = unknownKeys(config, Object.keys(DeviceConfigSchema.properties), '');
  if (isPlainObject(config.quietHours)) problems.push(...unknownKeys(config.quietHours, Object.keys(QuietHoursSchema.properties), 'quietHours.'));
  if (problems.length) return { ok: false, problems };
  const candidate = structuredClone({ version: 0, ...config });
  validate ??= compileValidator(DeviceConfigSchema);
  if (!validate(candidate)) return { ok: false, problems: [toProblem(validate.lastError())] };
  const why = checkDeviceConfig(candidate);
  if (why) return { ok: false, problems: [toProblem(why)] };
  const { version: _version, ...clean } = candidate;
  return { ok: true, config: clean };
}

/** "quietHours.tz: is not …" → { field: 'quietHours.tz', reason: 'is not …' }. */
function toProblem(message: string): FieldProblem {
  const i = message.indexOf(': ');
  return i > 0 ? { field: message.slice(0, i), reason: message.slice(i + 2) } : { field: 'body', reason: message };
}
