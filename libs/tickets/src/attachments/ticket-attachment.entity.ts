import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A photo on a ticket; the bytes live in the attachment storage under `storageKey`. */
@Entity('ticket_attachments')
@Index(['ticketId', 'createdAt'])
export class TicketAttachment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  ticketId: string;

  @Column('uuid')
  uploadedByAccountId: string;

  @Column('text')
  fileName: string;

  @Column('text')
  contentType: string;

  @Column('int')
  sizeBytes: number;

  @Column('text')
  storageKey: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
