import { Injectable, OnModuleInit, Optional } from '@nestjs/common';
import { DomainError, isStaff } from '@app/core';
import { RealtimeCommands, SnapshotProviders } from '@app/realtime';
import { AccessAlarmsService } from './access-alarms.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Alarms in the realtime gateway: the `alarms` snapshot section and the `alarm.ack` client command. */
@Injectable()
export class AlarmRealtimeRegistration implements OnModuleInit {
  constructor(
    private readonly alarms: AccessAlarmsService,
    @Optional() private readonly commands?: RealtimeCommands,
    @Optional() private readonly snapshots?: SnapshotProviders,
  ) {}

  onModuleInit(): void {
    this.snapshots?.register('alarms', async (p) => ({ alarms: await this.alarms.unresolved(p) }));
    this.commands?.register('alarm.ack', async (p, { alarmId, note }) => {
      if (!isStaff(p)) throw DomainError.forbidden('Only staff acknowledge alarms');
      if (!UUID.test(alarmId)) throw DomainError.notFound('alarm', alarmId);
      return this.alarms.act(p, alarmId, 'acknowledge', note);
    });
  }
}
