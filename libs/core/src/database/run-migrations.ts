import { DataSource } from 'typeorm';

// Any fixed number: every process of a deployment takes the same advisory lock, so an api and a
// worker starting together never apply the same migration twice.
const MIGRATION_LOCK_KEY = 724_001;

/** Applies pending migrations under a Postgres advisory lock; returns the names applied. */
export async function runMigrationsLocked(ds: DataSource): Promise<string[]> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
