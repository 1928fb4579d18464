import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Principal } from '../auth/principal';
import { currentCorrelationId } from '../logging/logging.module';
import { AuditEntry } from './audit-entry.entity';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  siteId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly repo: Repository<AuditEntry>) {}

  /** Records an action; pass the transaction's manager so the entry commits with the change. */
  async record(actor: Principal | null, input: AuditInput, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(AuditEntry) : this.repo;
    // Cast: TypeORM's deep-partial type does not accept arbitrary JSON objects for jsonb columns.
    await repo.insert({
      actorAccountId: actor?.accountId ?? null,
      actorRole: actor?.role ?? 'system',
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId ?? null,
      siteId: input.siteId ?? null,
      before: input.before ?? null,
      after: input.after ?? null,
      correlationId: currentCorrelationId() ?? null,
    } as object);
  }
}
