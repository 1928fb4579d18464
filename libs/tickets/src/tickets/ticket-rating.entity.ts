import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A resident's rating of one resolution (a reopened and re-resolved ticket can be rated again). */
@Entity('ticket_ratings')
@Index(['ticketId', 'ratedAt'])
export class TicketRating {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  ticketId: string;

  @Column('uuid')
  residentId: string;

  @Column('smallint')
  score: number;

  @Column('text', { nullable: true })
  comment: string | null;

  @Column('timestamptz')
  ratedAt: Date;
}
