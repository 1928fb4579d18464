import { Injectable } from '@nestjs/common';
import { decodeCursor, DEFAULT_PAGE_LIMIT, DomainError, Page, Principal, toPage } from '@app/core';
import type { DeviceCommandType } from '@app/contracts';
import { remoteCommandProblem } from '../domain/remote-command-policy';
import { DeviceScope } from '../presence/device-scope.service';
import { CommandStore } from './command-store';
import type { DeviceCommandRecord } from './device-command.entity';
import { DeviceCommandService } from './device-command.service';
import { CommandHistoryQueryDto, DeviceCommandView, SendDeviceCommandDto } from './dto/device-command.dto';

/** The commands API: a device's command history (staff of its site) and remote commands (admins). */
@Injectable()
export class CommandHistoryService {
  constructor(
    private readonly store: CommandStore,
    private readonly scope: DeviceScope,
    private readonly commands: DeviceCommandService,
  ) {}

  async history(p: Principal, deviceId: string, q: CommandHistoryQueryDto): Promise<Page<DeviceCommandView>> {
    await this.scope.find(p, deviceId, 'view');
    const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
    const rows = await this.store.history(deviceId, limit + 1, decodeCursor(q.cursor), q.status);
    const page = toPage(rows, limit, (r) => ({ v: r.cursorAt, id: r.id }));
    return { items: page.items.map(toCommandView), nextCursor: page.nextCursor };
  }

  /** A remote command by an admin (gate.mode, speaker.stop, speaker.volume), audited by the caller's record. */
  async sendRemote(p: Principal, deviceId: string, dto: SendDeviceCommandDto): Promise<DeviceCommandView> {
    const device = await this.scope.find(p, deviceId, 'command');
    const problem = remoteCommandProblem(dto.type, device.kind);
    if (problem) throw new DomainError('COMMAND_NOT_SUPPORTED', 'bad_request', problem, [{ field: 'type', reason: problem }]);
    const record = await this.commands.send(deviceId, dto.type as DeviceCommandType, dto.data as never, { ttlMs: dto.ttlMs, actor: p, audit: { siteId: device.siteId } });
    return toCommandView(record);
  }
}

export function toCommandView(r: DeviceCommandRecord): DeviceCommandView {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: r.id,
    deviceId: r.deviceId,
    type: r.type,
    status: r.status,
    data: r.data,
    durable: r.durable,
    supersedeKey: r.supersedeKey,
    requestId: r.requestId,
    attempts: r.attempts,
    expiresAt: new Date(r.expiresAt).toISOString(),
    sentAt: iso(r.sentAt),
    completedAt: iso(r.completedAt),
    error: r.error,
    createdByAccountId: r.createdByAccountId,
    createdAt: new Date(r.createdAt).toISOString(),
  };
}
