import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/core';
import { encodeEmbedding, trueFace } from '@app/contracts/embedding';
import { demoResidentPhone, seedDemoCommunity } from '@app/community';
import { FaceEnrolmentService } from './face-enrolment.service';

/** The simulator's gates present the faces `p1…p50` generated from seed "42" (its defaults). */
export const DEMO_FACE_SEED = '42';
export const DEMO_ENROLLED_RESIDENTS = 50;

/**
 * With DEMO_SEED on, residents 1…50 of the demo community get the synthetic faces the simulator's
 * gates show, with a recorded consent (channel `kiosk`, notice `demo-1`), so the demo admits people.
 * Idempotent: residents who already have a template are left alone.
 */
@Injectable()
export class DemoFacesSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoFacesSeeder.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly faces: FaceEnrolmentService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo.seed) return;
    // Runs the (idempotent, locked) community seed itself: hook order across modules is not ours.
    const { siteId } = await seedDemoCommunity(this.db, this.config);
    const [admin] = (await this.db.query(`SELECT id FROM accounts WHERE email = $1`, [this.config.demo.adminLogin.toLowerCase()])) as { id: string }[];
    if (!admin) return;
    const actor = { accountId: admin.id, role: 'admin' as const, siteIds: [siteId], unitIds: [] };
    const phones = Array.from({ length: DEMO_ENROLLED_RESIDENTS }, (_, i) => demoResidentPhone(i + 1));
    const rows = (await this.db.query(
      `SELECT r.id, r.phone FROM residents r WHERE r."siteId" = $1 AND r.phone = ANY($2) AND NOT EXISTS (SELECT 1 FROM face_templates f WHERE f."residentId" = r.id)`,
      [siteId, phones],
    )) as { id: string; phone: string }[];
    for (const r of rows) {
      const n = phones.indexOf(r.phone) + 1;
      await this.faces.enrol(actor, r.id, { embedding: encodeEmbedding(trueFace(DEMO_FACE_SEED, `p${n}`)), consent: { given: true, noticeVersion: 'demo-1', channel: 'kiosk' } });
    }
    if (rows.length) this.logger.log(`enrolled ${rows.length} demo faces`);
  }
}
