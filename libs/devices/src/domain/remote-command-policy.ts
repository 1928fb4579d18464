import { DEVICE_COMMANDS, isDeviceCommandType, type DeviceCommandType, type DeviceKind } from '@app/contracts';

// Commands an admin may send by hand through the API. gate.open is not among them: a remote open
// goes through the access module, which decides and audits it as an entry.

export const REMOTE_COMMAND_TYPES = ['gate.mode', 'speaker.stop', 'speaker.volume'] as const satisfies readonly DeviceCommandType[];
export type RemoteCommandType = (typeof REMOTE_COMMAND_TYPES)[number];

/** Why this command may not be sent to a device of this kind, or null when it may. */
export function remoteCommandProblem(type: string, kind: DeviceKind): string | null {
  if (!(REMOTE_COMMAND_TYPES as readonly string[]).includes(type)) return `type must be one of ${REMOTE_COMMAND_TYPES.join(', ')}`;
  return commandKindProblem(type, kind);
}

/** Why a command type does not fit a device kind (any command, not only remote ones). */
export function commandKindProblem(type: string, kind: DeviceKind): string | null {
  if (!isDeviceCommandType(type)) return `unknown command type "${type}"`;
  const kinds: readonly DeviceKind[] = DEVICE_COMMANDS[type].kinds;
  return kinds.includes(kind) ? null : `${type} is for ${kinds.join('/')} devices, not ${kind}`;
}
