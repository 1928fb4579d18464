import { Injectable } from '@nestjs/common';
import type { Counter, Histogram } from 'prom-client';
import { MetricsService } from '@app/core';

/** Decisions by method, result and reason; decision latency (event in hand → command published). */
@Injectable()
export class AccessMetrics {
  readonly decisions: Counter<'method' | 'result' | 'reason'>;
  readonly latency: Histogram<'method'>;
  readonly silent: Counter<'why'>;

  constructor(metrics: MetricsService) {
    this.decisions = metrics.counter('sc_access_decisions_total', 'Gate access decisions, by method, result and reason', ['method', 'result', 'reason']);
    this.latency = metrics.histogram('sc_access_decision_seconds', 'Time from taking a scan in hand to publishing the door command', ['method'], [0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25]);
    this.silent = metrics.counter('sc_access_scans_unanswered_total', 'Scans decided but not answered again (redeliveries, stale, claim unavailable)', ['why']);
  }
}
