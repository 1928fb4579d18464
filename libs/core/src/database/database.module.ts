import { Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ALL_MIGRATIONS } from './migrations';
import { runMigrationsLocked } from './run-migrations';

export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.database.url,
    poolSize: config.database.poolSize,
    synchronize: false,
    // gen_random_uuid() is built into Postgres 13+, so no extension is needed for uuid defaults.
    uuidExtension: 'pgcrypto',
    migrationsRun: false,
    migrations: ALL_MIGRATIONS,
    maxQueryExecutionTime: config.database.logSlowQueriesMs,
    logging: ['error', 'warn', 'migration'],
    applicationName: `sc-${config.instanceId}`.slice(0, 63),
    extra: { connectionTimeoutMillis: 5000 },
  };
}

/** TypeORM on Postgres; migrations applied at start (never synchronize), entities registered by feature modules. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config), autoLoadEntities: true, retryAttempts: 10, retryDelay: 1000 }),
      dataSourceFactory: async (options) => {
        const ds = await new DataSource(options!).initialize();
        const applied = await runMigrationsLocked(ds);
        if (applied.length) new Logger('Database').log(`applied migrations: ${applied.join(', ')}`);
        return ds;
      },
    }),
  ],
})
export class DatabaseModule {}
