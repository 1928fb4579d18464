import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsObject, IsOptional, Max, Min } from 'class-validator';
import { CursorQueryDto } from '@app/core';
import { ALL_COMMAND_STATUSES } from '../../domain/command-status';
import { REMOTE_COMMAND_TYPES, type RemoteCommandType } from '../../domain/remote-command-policy';
import type { CommandStatus } from '../device-command.entity';

export class SendDeviceCommandDto {
  @ApiProperty({ enum: REMOTE_COMMAND_TYPES })
  @IsIn(REMOTE_COMMAND_TYPES)
  type: RemoteCommandType;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { mode: 'lockdown' }, description: 'the command data (PROTOCOL.md)' })
  @IsObject()
  data: Record<string, unknown>;

  @ApiPropertyOptional({ minimum: 1000, maximum: 600_000, description: 'lifetime; the type default when absent' })
  @IsOptional()
  @IsInt()
  @Min(1000)
  @Max(600_000)
  ttlMs?: number;
}

export class CommandHistoryQueryDto extends CursorQueryDto {
  @ApiPropertyOptional({ enum: ALL_COMMAND_STATUSES })
  @IsOptional()
  @IsIn(ALL_COMMAND_STATUSES)
  status?: CommandStatus;
}

export interface DeviceCommandView {
  id: string;
  deviceId: string;
  type: string;
  status: CommandStatus;
  data: Record<string, unknown>;
  durable: boolean;
  supersedeKey: string | null;
  requestId: string | null;
  attempts: number;
  expiresAt: string;
  sentAt: string | null;
  completedAt: string | null;
  error: { code: string; message?: string } | null;
  createdByAccountId: string | null;
  createdAt: string;
}
