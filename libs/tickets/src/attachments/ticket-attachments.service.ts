import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { DomainError, Principal } from '@app/core';
import { canSeeTicket, safeFileName, sniffImageType } from '../domain';
import { HouseholdLookup } from '../tickets/household-lookup.service';
import { actorFromPrincipal } from '../tickets/ticket-actor';
import { TicketWriter } from '../tickets/ticket-writer.service';
import { AttachmentView } from '../tickets/ticket-query.service';
import { ATTACHMENT_STORAGE, AttachmentStorage } from './attachment-storage';
import { TicketAttachment } from './ticket-attachment.entity';

export const MAX_ATTACHMENTS_PER_TICKET = 10;

export interface UploadedImage {
  originalname?: string;
  mimetype?: string;
  size: number;
  buffer: Buffer;
}

/** Photos on tickets: images only (checked by content), size-capped, served only to those who see the ticket. */
@Injectable()
export class TicketAttachmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    private readonly household: HouseholdLookup,
    private readonly writer: TicketWriter,
  ) {}

  async add(p: Principal, ticketId: string, file: UploadedImage | undefined): Promise<AttachmentView> {
    if (!file) throw DomainError.badRequest('Validation failed: file is required (multipart field "file")', [{ field: 'file', reason: 'is required' }]);
    const type = sniffImageType(file.buffer);
    if (!type) throw DomainError.badRequest('Validation failed: file must be a JPEG, PNG, GIF, WebP or HEIC image', [{ field: 'file', reason: 'must be a JPEG, PNG, GIF, WebP or HEIC image' }]);
    const viewer = await this.household.viewer(p);
    const actor = actorFromPrincipal(p, viewer.unitIds);
    const id = randomUUID();
    const key = `tickets/${ticketId}/${id}`;
    // Bytes first, row second: a failed transaction leaves an orphan file, never a row without bytes.
    let stored = false;
    try {
      return await this.writer.run(async (tx) => {
        const ticket = await tx.lock(ticketId, { visible: (t) => canSeeTicket(viewer, t) });
        const [{ n }]: { n: number }[] = await tx.m.query(`SELECT count(*)::int AS n FROM ticket_attachments WHERE "ticketId" = $1`, [ticketId]);
        if (n >= MAX_ATTACHMENTS_PER_TICKET) throw new DomainError('TICKET_ATTACHMENT_LIMIT', 'conflict', `A ticket holds at most ${MAX_ATTACHMENTS_PER_TICKET} attachments`);
        await this.storage.put(key, file.buffer);
        stored = true;
        const row = await tx.m.getRepository(TicketAttachment).save(
          tx.m.getRepository(TicketAttachment).create({ id, ticketId, uploadedByAccountId: p.accountId, fileName: safeFileName(file.originalname, type), contentType: type, sizeBytes: file.size, storageKey: key }),
        );
        await tx.apply(ticket, actor, (c) => c.log('attachment_added', { after: { attachmentId: id, contentType: type, sizeBytes: file.size } }));
        return { id: row.id, fileName: row.fileName, contentType: row.contentType, sizeBytes: row.sizeBytes, createdAt: row.createdAt, url: `/api/v1/tickets/${ticketId}/attachments/${row.id}` };
      });
    } catch (err) {
      if (stored) await this.storage.remove(key).catch(() => undefined);
      throw err;
    }
  }

  async open(p: Principal, ticketId: string, attachmentId: string): Promise<{ attachment: TicketAttachment; stream: Readable }> {
    const viewer = await this.household.viewer(p);
    const rows: { siteId: string; unitId: string | null; reporterKind: 'resident' | 'staff' | 'plan'; reporterId: string; watcherAccountIds: string[] }[] = await this.db.query(
      `SELECT "siteId", "unitId", "reporterKind", "reporterId", "watcherAccountIds" FROM tickets WHERE id = $1`,
      [ticketId],
    );
    if (!rows[0] || !canSeeTicket(viewer, rows[0])) throw DomainError.notFound('Ticket', ticketId);
    const attachment = await this.db.getRepository(TicketAttachment).findOneBy({ id: attachmentId, ticketId });
    if (!attachment) throw DomainError.notFound('Attachment', attachmentId);
    return { attachment, stream: await this.storage.open(attachment.storageKey) };
  }
}
