import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { QueueName } from './queue-names';
import { TypedProcessor } from './typed-processor';

/** Which queues have no processor among these instances (pure, for the boot check and its test). */
export function queuesWithoutProcessor(instances: unknown[]): QueueName[] {
  const covered = new Set(instances.filter((i): i is TypedProcessor<QueueName> => i instanceof TypedProcessor).map((p) => (p as unknown as { queueName: QueueName }).queueName));
  return Object.values(QueueName).filter((q) => !covered.has(q));
}

/** In the worker: refuses to start when a declared queue has no processor (its jobs would pile up). */
@Injectable()
export class ProcessorCoverageCheck implements OnApplicationBootstrap {
  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    const missing = queuesWithoutProcessor(this.discovery.getProviders().map((w) => w.instance));
    if (missing.length) throw new Error(`no processor for queue(s): ${missing.join(', ')}`);
  }
}
