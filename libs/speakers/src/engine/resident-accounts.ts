import type { DataSource, EntityManager } from 'typeorm';

/** accountId per residentId (a resident without an enabled account gets no notices). */
export async function accountsOfResidents(q: DataSource | EntityManager, residentIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(residentIds)];
  if (!ids.length) return new Map();
  const rows = (await q.query(`SELECT id, "residentId" FROM accounts WHERE "residentId" = ANY($1::uuid[]) AND NOT disabled`, [ids])) as { id: string; residentId: string }[];
  return new Map(rows.map((r) => [r.residentId, r.id]));
}
