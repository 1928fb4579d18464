import { randomUUID } from 'node:crypto';
import { DEVICE_COMMANDS, type DeviceCommand, type DeviceCommandDataMap, type DeviceCommandType } from './command-schemas';
import { lazyValidator, type CompiledValidator } from './compiled-validator';
import { ContractError } from './contract-error';
import type { TSchema } from '@sinclair/typebox';

export interface BuildCommandOptions {
  /** Issue time (ms since epoch or Date); expiresAt = now + ttlMs. */
  now: number | Date;
  /** Defaults to the type's defaultTtlMs; must not exceed its maxTtlMs. */
  ttlMs?: number;
  /** Id of the event this command answers (access.face → gate.open). */
  requestId?: string;
  /** Fixed id (tests, deterministic replays); a random uuid otherwise. */
  id?: string;
}

const dataValidators = new Map<string, CompiledValidator<TSchema>>();

function dataValidator(type: DeviceCommandType): CompiledValidator<TSchema> {
  let v = dataValidators.get(type);
  if (!v) {
    v = lazyValidator(DEVICE_COMMANDS[type].schema);
    dataValidators.set(type, v);
  }
  return v;
}

/**
 * Builds a command envelope with id, ts and expiresAt. Validates `data` against the schema (types
 * cannot catch e.g. a level of 140) and throws ContractError: sending a bad command is a bug.
 * The data object is copied, not stripped in place.
 */
export function buildCommand<T extends DeviceCommandType>(
  type: T,
  data: DeviceCommandDataMap[T],
  options: BuildCommandOptions,
): DeviceCommand<T> {
  const entry = DEVICE_COMMANDS[type];
  if (!entry) throw new ContractError(`unknown command type "${String(type)}"`);
  const ttlMs = options.ttlMs ?? entry.defaultTtlMs;
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new ContractError(`${type}: ttlMs must be > 0`);
  if (ttlMs > entry.maxTtlMs) throw new ContractError(`${type}: ttlMs ${ttlMs} exceeds the maximum ${entry.maxTtlMs}`);
  const copy = structuredClone(data);
  const validate = dataValidator(type);
  if (!validate(copy)) throw new ContractError(`${type}: ${validate.lastError('data')}`);
  const why = (entry.check as ((d: unknown) => string | null) | undefined)?.(copy);
  if (why) throw new ContractError(`${type}: ${why}`);
  const nowMs = typeof options.now === 'number' ? options.now : options.now.getTime();
  const command = {
    id: options.id ?? randomUUID(),
    type,
    ts: new Date(nowMs).toISOString(),
    expiresAt: new Date(nowMs + ttlMs).toISOString(),
    ...(options.requestId !== undefined ? { requestId: options.requestId } : {}),
    data: copy,
  };
  return command as unknown as DeviceCommand<T>;
}

/**
 * True when the command must not be executed any more: `now` (the device's clock, skew included)
 * is at or after expiresAt. An unreadable expiresAt counts as expired: never act on doubt.
 */
export function isCommandExpired(command: { expiresAt: string }, now: number | Date): boolean {
  const expiresAt = Date.parse(command.expiresAt);
  if (Number.isNaN(expiresAt)) return true;
  const nowMs = typeof now === 'number' ? now : now.getTime();
  return nowMs >= expiresAt;
}
