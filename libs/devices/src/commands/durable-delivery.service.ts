import { Injectable, Logger } from '@nestjs/common';
import { MqttPublisher } from '@app/core';
import { CONFIG_COMMAND_TYPE, DeviceConfigService } from '../config/device-config.service';
import { CommandEvent } from '../domain/command-status';
import { decideDurableStep, DurableFacts, DurableStep } from '../domain/durable-delivery';
import { CommandEnvelopeStore } from './command-envelope-store';
import { CommandResults } from './command-results';
import { CommandStore } from './command-store';
import type { DeviceCommandRecord } from './device-command.entity';
import { DeviceCommandService } from './device-command.service';

export type DeliveryOutcome = 'done' | 'retry';

/**
 * One check of a durable delivery (a BullMQ 'deliver-durable' job run): settle it, wait, or publish
 * it again. 'retry' makes the job fail this attempt so BullMQ runs it again after its backoff.
 */
@Injectable()
export class DurableDeliveryService {
  private readonly logger = new Logger(DurableDeliveryService.name);

  constructor(
    private readonly store: CommandStore,
    private readonly envelopes: CommandEnvelopeStore,
    private readonly commands: DeviceCommandService,
    private readonly configs: DeviceConfigService,
    private readonly results: CommandResults,
    private readonly publisher: MqttPublisher,
  ) {}

  async deliver(commandId: string, now = new Date()): Promise<DeliveryOutcome> {
    const row = await this.store.find(commandId);
    if (!row) {
      this.logger.warn(`durable command ${commandId} not found; nothing to deliver`);
      return 'done';
    }
    const isConfig = row.type === CONFIG_COMMAND_TYPE;
    const facts = isConfig ? await this.configFacts(row, now) : await this.commandFacts(row, now);
    const step = decideDurableStep(facts.facts);
    return this.apply(row, step, now, facts.envelope);
  }

  private async apply(row: DeviceCommandRecord, step: DurableStep, now: Date, envelope: string | null): Promise<DeliveryOutcome> {
    switch (step.action) {
      case 'done':
        await this.envelopes.delete(row.id);
        return 'done';
      case 'wait':
        return 'retry';
      case 'acked':
        return this.settle(row, 'ack_ok', now);
      case 'timeout':
        return this.settle(row, 'deadline_passed', now);
      case 'superseded':
        return this.settle(row, 'superseded', now);
      case 'undeliverable':
        return this.settle(row, 'undeliverable', now, { code: step.code, message: step.code === 'DEVICE_GONE' ? 'device decommissioned or unknown' : 'command payload expired' });
      case 'republish': {
        // Counted before publishing: the device's ack may arrive before any write after it.
        const counted = await this.store.transition(row.id, 'republished', new Date(), { countAttempt: true });
        if (!counted) return 'done'; // settled meanwhile
        const failure = row.type === CONFIG_COMMAND_TYPE ? await this.configs.publishLatest(row.deviceId) : await this.commands.publish(row.deviceId, envelope!);
        if (!failure) this.results.count(row.type, 'sent');
        return 'retry';
      }
    }
  }

  private async settle(row: DeviceCommandRecord, event: CommandEvent, now: Date, error?: { code: string; message: string }): Promise<DeliveryOutcome> {
    const changed = await this.store.transition(row.id, event, now, { error: error ?? null });
    if (changed) this.results.reportChange(changed, now);
    await this.envelopes.delete(row.id);
    return 'done';
  }

  private async commandFacts(row: DeviceCommandRecord, now: Date): Promise<{ facts: DurableFacts; envelope: string | null }> {
    const [device, newerExists, envelope] = await Promise.all([
      this.configs.deliveryFacts(row.deviceId),
      this.store.newerExists(row),
      this.envelopes.get(row.id),
    ]);
    return {
      envelope,
      facts: {
        status: row.status,
        expiresAt: row.expiresAt,
        now,
        newerExists,
        deviceActive: device?.lifecycle === 'active',
        deviceOnline: device?.online === true,
        brokerConnected: this.publisher.connected,
        payloadAvailable: envelope !== null,
      },
    };
  }

  private async configFacts(row: DeviceCommandRecord, now: Date): Promise<{ facts: DurableFacts; envelope: null }> {
    const device = await this.configs.deliveryFacts(row.deviceId);
    const version = Number(row.data.version);
    return {
      envelope: null,
      facts: {
        status: row.status,
        expiresAt: row.expiresAt,
        now,
        // Config versions only grow: a higher desired version replaces this delivery.
        newerExists: (device?.desiredConfigVersion ?? 0) > version,
        deviceActive: device?.lifecycle === 'active',
        deviceOnline: device?.online === true,
        brokerConnected: this.publisher.connected,
        payloadAvailable: true,
        configVersion: version,
        reportedConfigVersion: device?.reportedConfigVersion ?? null,
      },
    };
  }
}
