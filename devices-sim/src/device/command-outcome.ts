import type { DeviceCommand, DeviceCommandType } from '@app/contracts';

/** The result a command handler reports; becomes the ack. */
export type CommandOutcome = { ok: true; data?: Record<string, unknown> } | { ok: false; code: string; message: string };

/** Behaviour for one command type; may be async (e.g. a gate that takes time to react). */
export type CommandHandler<T extends DeviceCommandType = DeviceCommandType> = (
  command: DeviceCommand<T>,
) => CommandOutcome | Promise<CommandOutcome>;
