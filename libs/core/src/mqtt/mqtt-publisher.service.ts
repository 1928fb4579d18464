import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { MqttClient } from 'mqtt';
import { MqttConnectionFactory } from './mqtt-connection.factory';

/** The backend's general-purpose publishing connection (commands, config), shared by a process. */
@Injectable()
export class MqttPublisher implements OnModuleInit, OnModuleDestroy {
  private client!: MqttClient;

  constructor(private readonly factory: MqttConnectionFactory) {}

  onModuleInit(): void {
    this.client = this.factory.create({ role: 'pub' });
  }

  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  get topicRoot(): string {
    return this.factory.topicRoot;
  }

  async publish(topic: string, payload: string | Buffer, opts: { qos: 0 | 1; retain?: boolean }): Promise<void> {
    await this.client.publishAsync(topic, payload, { qos: opts.qos, retain: opts.retain ?? false });
  }

  /** The raw client, for subscribers that live in the same connection (acks, status). */
  get raw(): MqttClient {
    return this.client;
  }

  async onModuleDestroy(): Promise<void> {
    await this.client?.endAsync();
  }
}
