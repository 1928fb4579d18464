import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A resident's enrolled face: the normalized float32 template (little-endian bytes). Biometric data:
 * never selected by default, never returned by any endpoint, never logged. Deleted on withdrawal
 * and on moving out; the consent trail (face_consents) outlives it.
 */
@Entity('face_templates')
// A site's templates in residentId order (keyset pages of a gate's full library; the site's faces).
@Index(['siteId', 'residentId'])
export class FaceTemplate {
  @PrimaryColumn('uuid')
  residentId: string;

  @Column('uuid')
  siteId: string;

  @Column('int')
  dim: number;

  @Column('bytea', { select: false })
  template: Buffer;

  @Column('timestamptz')
  enrolledAt: Date;

  @Column('uuid', { nullable: true })
  enrolledByAccountId: string | null;
}
