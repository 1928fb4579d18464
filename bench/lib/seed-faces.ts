// Enrolled residents in bulk, straight into the database (enrolling tens of thousands over HTTP is not
// what the benchmarks measure): two residents per unit, each with the seeded true face of `r<i>`.
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { hashPassword } from '@app/community';
import { trueFace } from '@app/contracts/embedding';

const BATCH = 2000;

export interface SeedFacesOptions {
  faceSeed: string;
  dim: number;
  /** Also log each face as a facelib change, as an enrolment through the API would (gates' libraries). */
  logFacelibChanges?: boolean;
}

/** Residents r<from>..r<to-1> of `siteId`, living in `buildingId`, with faces; returns their ids. */
export async function seedEnrolledResidents(pg: Client, siteId: string, buildingId: string, from: number, to: number, opts: SeedFacesOptions): Promise<string[]> {
  const { dim } = opts;
  const ids: string[] = [];
  for (let start = from; start < to; start += BATCH) {
    const end = Math.min(to, start + BATCH);
    const batch: string[] = [];
    const names: string[] = [];
    const templates: Buffer[] = [];
    const unitIds: string[] = [];
    const unitNumbers: string[] = [];
    for (let i = start; i < end; i++) {
      batch.push(randomUUID());
      names.push(`Resident ${i}`);
      const face = trueFace(opts.faceSeed, `r${i}`, dim);
      const buf = Buffer.alloc(dim * 4);
      for (let k = 0; k < dim; k++) buf.writeFloatLE(face[k], k * 4);
      templates.push(buf);
      if (i % 2 === 0) {
        unitIds.push(randomUUID());
        unitNumbers.push(`U${i}`);
      }
    }
    await pg.query(`INSERT INTO units (id, "siteId", "buildingId", number) SELECT unnest($1::uuid[]), $2, $3, unnest($4::text[])`, [unitIds, siteId, buildingId, unitNumbers]);
    await pg.query(`INSERT INTO residents (id, "siteId", "fullName", status) SELECT unnest($1::uuid[]), $2, unnest($3::text[]), 'active'`, [batch, siteId, names]);
    const memberUnits = batch.map((_, j) => unitIds[Math.floor(j / 2)]);
    await pg.query(`INSERT INTO unit_memberships ("residentId", "unitId", relation, active) SELECT unnest($1::uuid[]), unnest($2::uuid[]), 'owner', true`, [batch, memberUnits]);
    await pg.query(`INSERT INTO face_templates ("residentId", "siteId", dim, template, "enrolledAt") SELECT unnest($1::uuid[]), $2, ${dim}, unnest($3::bytea[]), now()`, [batch, siteId, templates]);
    if (opts.logFacelibChanges) await pg.query(`INSERT INTO facelib_changes ("siteId", "residentId", op) SELECT $2, unnest($1::uuid[]), 'upsert'`, [batch, siteId]);
    ids.push(...batch);
  }
  return ids;
}

export const BENCH_ADMIN = { login: 'bench@admin.test', password: 'bench-password-1' } as const;

/** A site with one building and an admin who can sign in over HTTP (BENCH_ADMIN). */
export async function seedBenchSite(pg: Client): Promise<{ siteId: string; buildingId: string }> {
  const [site] = (await pg.query(`INSERT INTO sites (name, code, timezone) VALUES ('Bench', 'bench-${randomUUID().slice(0, 6)}', 'Asia/Shanghai') RETURNING id`)).rows;
  const [building] = (await pg.query(`INSERT INTO buildings ("siteId", name, code) VALUES ($1, 'B1', 'B1') RETURNING id`, [site.id])).rows;
  const [staff] = (
    await pg.query(`INSERT INTO staff ("fullName", email, position, skills, "siteIds", active) VALUES ('Bench admin', $2, 'admin', '{general}', ARRAY[$1]::uuid[], true) RETURNING id`, [site.id, BENCH_ADMIN.login])
  ).rows;
  await pg.query(`INSERT INTO accounts (email, role, "staffId", "passwordHash") VALUES ($1, 'admin', $2, $3)`, [BENCH_ADMIN.login, staff.id, await hashPassword(BENCH_ADMIN.password)]);
  return { siteId: site.id, buildingId: building.id };
}
