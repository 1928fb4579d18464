import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * Takes one use of a pass atomically: the row's own check (uses < "maxUses", still valid) decides,
 * so two gates scanning a single-use pass at the same moment get exactly one success.
 */
@Injectable()
export class VisitorPassUses {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The pass's use count after this use, or null when no use was left (or it is no longer valid). */
  async take(passId: string): Promise<number | null> {
    const [rows] = (await this.db.query(
      `UPDATE visitor_passes SET uses = uses + 1, "lastUsedAt" = now()
        WHERE id = $1 AND status = 'active' AND uses < "maxUses" AND "validFrom" <= now() AND "validUntil" > now()
        RETURNING uses`,
      [passId],
    )) as [{ uses: number }[], number];
    return rows.length ? rows[0].uses : null;
  }
}
