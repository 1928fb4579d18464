// For the TypeORM CLI only (migration:generate / migration:run). The apps build their data source
// in DatabaseModule from the validated config; this file reads the same config.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { configFromEnvironment } from '../config/config.module';
import { dataSourceOptions } from './database.module';

export default new DataSource({
  ...dataSourceOptions(configFromEnvironment()),
  // Globs are fine for the CLI (it runs under ts-node); the apps list entities per feature module.
  entities: ['libs/*/src/**/*.entity.ts'],
});
