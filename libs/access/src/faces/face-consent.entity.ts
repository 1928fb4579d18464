import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type FaceConsentAction = 'given' | 'withdrawn';

/**
 * The consent trail of face enrolment, append-only: who gave or withdrew consent for whose face,
 * under which notice, through which channel, and when. Kept after the template is deleted.
 */
@Entity('face_consents')
@Index(['residentId', 'at'])
export class FaceConsent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  residentId: string;

  @Column('uuid')
  siteId: string;

  @Column('text')
  action: FaceConsentAction;

  /** The privacy notice the resident was shown (null on withdrawal when none was given). */
  @Column('text', { nullable: true })
  noticeVersion: string | null;

  /** app, console, kiosk, paper… */
  @Column('text')
  channel: string;

  @Column('uuid', { nullable: true })
  actorAccountId: string | null;

  /** resident (for themselves), staff/manager/admin (on their behalf), or system (move-out). */
  @Column('text')
  actorRole: string;

  @Column('timestamptz')
  at: Date;
}
