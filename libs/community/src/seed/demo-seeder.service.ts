import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/core';
import { seedDemoCommunity } from './demo-seed';

/** With DEMO_SEED on, the api seeds the demo community at start (idempotent: keyed on the site code). */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo.seed) return;
    const r = await seedDemoCommunity(this.db, this.config);
    this.logger.log(r.created ? `seeded the demo community (site ${r.siteId})` : `demo community present (site ${r.siteId})`);
  }
}
