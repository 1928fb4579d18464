import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { planSchedulerId } from '../domain';
import { MaintenancePlan } from './maintenance-plan.entity';
import { MaintenanceSchedules } from './maintenance-schedules.service';

/**
 * At worker start: every active plan has its scheduler, and no scheduler outlives its plan. Existing
 * schedulers are left untouched (re-upserting an interval one would start a new series).
 */
@Injectable()
export class MaintenanceReconciler implements OnApplicationBootstrap {
  private readonly logger = new Logger(MaintenanceReconciler.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly schedules: MaintenanceSchedules,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const plans: (MaintenancePlan & { timezone: string })[] = await this.db.query(
      `SELECT p.*, s.timezone FROM maintenance_plans p JOIN sites s ON s.id = p."siteId" WHERE p.active`,
    );
    let added = 0;
    for (const plan of plans) {
      if (await this.schedules.exists(plan.id)) continue;
      await this.schedules.apply(plan, plan.timezone);
      added++;
    }
    const wanted = new Set(plans.map((p) => planSchedulerId(p.id)));
    for (const id of await this.schedules.planSchedulerIds()) if (!wanted.has(id)) await this.schedules.remove(id);
    if (added) this.logger.log(`restored ${added} maintenance schedule(s)`);
  }
}
