import { AckErrorCode, isCommandExpired, type DeviceCommand, type ParseDeviceCommandResult } from '@app/contracts';

/** What the device does with a command message before any behaviour runs. */
export type CommandVerdict =
  | { action: 'execute'; command: DeviceCommand }
  | { action: 'reject'; commandId: string; code: string; message: string; expired: boolean }
  | { action: 'ignore'; reason: string };

/**
 * Parse result + the device's own clock → execute, reject with an ack code, or ignore (no readable
 * id, so nothing to ack). Expiry uses the device clock, skew included, exactly like a real gate.
 */
export function evaluateCommand(parsed: ParseDeviceCommandResult, deviceNowMs: number): CommandVerdict {
  if (!parsed.ok) {
    if (parsed.id === undefined || parsed.reason === 'invalid_envelope') {
      // Without a valid envelope we cannot trust the id enough to ack it.
      return { action: 'ignore', reason: `${parsed.reason}: ${parsed.detail}` };
    }
    const code = parsed.reason === 'unknown_type' ? AckErrorCode.Unsupported : AckErrorCode.Invalid;
    return { action: 'reject', commandId: parsed.id, code, message: parsed.detail, expired: false };
  }
  const command = parsed.command;
  if (isCommandExpired(command, deviceNowMs)) {
    const lateMs = deviceNowMs - Date.parse(command.expiresAt);
    return {
      action: 'reject',
      commandId: command.id,
      code: AckErrorCode.Expired,
      message: Number.isFinite(lateMs) ? `expired ${lateMs} ms ago by the device clock` : 'unreadable expiresAt',
      expired: true,
    };
  }
  return { action: 'execute', command };
}
