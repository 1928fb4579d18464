import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { MetricsController } from '../metrics/metrics.controller';
import { QueueMetrics } from '../metrics/queue-metrics.service';
import { HealthController } from './health.controller';

/** /health, /health/ready and /metrics (outside the /api/v1 prefix, no auth). */
@Module({ imports: [TerminusModule], controllers: [HealthController, MetricsController], providers: [QueueMetrics] })
export class HealthModule {}
