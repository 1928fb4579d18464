import { Injectable, Logger } from '@nestjs/common';
import { QueueName, QueueProducer } from '@app/core';
import { planSchedulerId } from '../domain';
import { MaintenancePlan } from './maintenance-plan.entity';

/** The BullMQ job scheduler behind each active plan (upserted by id: one per plan, whoever writes it). */
@Injectable()
export class MaintenanceSchedules {
  private readonly logger = new Logger(MaintenanceSchedules.name);

  constructor(private readonly queues: QueueProducer) {}

  private get queue() {
    return this.queues.queue(QueueName.TicketMaintenance);
  }

  async apply(plan: MaintenancePlan, timeZone: string): Promise<void> {
    const id = planSchedulerId(plan.id);
    if (!plan.active) {
      await this.queue.removeJobScheduler(id);
      return;
    }
    const repeat = plan.pattern ? { pattern: plan.pattern, tz: timeZone } : { every: plan.everyMs as number };
    await this.queue.upsertJobScheduler(id, repeat, { name: 'plan-occurrence', data: { planId: plan.id }, opts: { removeOnComplete: 1000, removeOnFail: 1000 } });
  }

  async exists(planId: string): Promise<boolean> {
    return !!(await this.queue.getJobScheduler(planSchedulerId(planId)));
  }

  /** Scheduler ids of plans (for reconciliation at boot). */
  async planSchedulerIds(): Promise<string[]> {
    const list = await this.queue.getJobSchedulers(0, -1);
    return list.map((s) => s.key).filter((k) => k.startsWith('plan-'));
  }

  async remove(schedulerId: string): Promise<void> {
    await this.queue.removeJobScheduler(schedulerId);
    this.logger.log(`removed orphan maintenance schedule ${schedulerId}`);
  }
}
