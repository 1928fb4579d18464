// `npm run seed`: applies pending migrations and seeds the demo community (idempotent), then prints
// the demo logins. The same seeding runs from `npm start` when DEMO_SEED is on.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { configOrExit, dataSourceOptions, runMigrationsLocked } from '@app/core';
import { COMMUNITY_ENTITIES, demoResidentPhone, seedDemoCommunity } from '@app/community';

async function main(): Promise<void> {
  const config = configOrExit();
  const ds = await new DataSource({ ...dataSourceOptions(config), entities: COMMUNITY_ENTITIES }).initialize();
  try {
    const applied = await runMigrationsLocked(ds);
    if (applied.length) console.log(`applied migrations: ${applied.join(', ')}`);
    const started = Date.now();
    const r = await seedDemoCommunity(ds, config);
    console.log(r.created ? `seeded the demo community in ${Date.now() - started} ms (site ${r.siteId})` : `demo community already present (site ${r.siteId}); nothing changed`);
    console.log(`demo logins (password "${r.logins.password}"):`);
    console.log(`  admin       ${r.logins.admin}`);
    console.log(`  managers    ${r.logins.managers.join(', ')}`);
    console.log(`  technicians ${r.logins.technicians.join(', ')}`);
    console.log(`  residents   ${r.logins.residents.join(', ')} … (${demoResidentPhone(1)} to ${demoResidentPhone(500)})`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
