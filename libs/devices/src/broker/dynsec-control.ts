import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import mqtt, { MqttClient } from 'mqtt';
import { DomainError } from '@app/core';

export const DYNSEC_TOPIC = '$CONTROL/dynamic-security/v1';
export const DYNSEC_RESPONSE_TOPIC = '$CONTROL/dynamic-security/v1/response';

/** One dynamic-security command, e.g. `{ command: 'createClient', username, password, … }`. */
export type DynsecCommand = { command: string } & Record<string, unknown>;

export interface DynsecResponse {
  command: string;
  /** Absent on success. */
  error?: string;
  data?: unknown;
}

export interface DynsecControlOptions {
  url: string;
  username: string;
  password: string;
  clientId: string;
  /** How long to wait for the broker's answer. */
  timeoutMs?: number;
}

interface Pending {
  resolve: (r: DynsecResponse) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Talks to Mosquitto's dynamic-security plugin: publishes commands to $CONTROL/dynamic-security/v1
 * and matches each answer on …/response by its correlationData. A dedicated connection with the
 * dynsec admin's credentials, opened on first use.
 */
export class DynsecControl {
  private readonly logger = new Logger(DynsecControl.name);
  private client?: MqttClient;
  private ready?: Promise<void>;
  private readonly pending = new Map<string, Pending>();
  private readonly timeoutMs: number;

  constructor(private readonly opts: DynsecControlOptions) {
    this.timeoutMs = opts.timeoutMs ?? 5000;
  }

  /** Runs the commands in order (one message) and returns one response per command. */
  async execute(commands: DynsecCommand[]): Promise<DynsecResponse[]> {
    await this.connect();
    const withIds = commands.map((c) => ({ ...c, correlationData: randomUUID() }));
    const answers = withIds.map(
      (c) =>
        new Promise<DynsecResponse>((resolve, reject) => {
          const timer = setTimeout(() => {
            this.pending.delete(c.correlationData);
            reject(new DomainError('BROKER_UNAVAILABLE', 'unavailable', `broker did not answer ${c.command} within ${this.timeoutMs} ms`));
          }, this.timeoutMs);
          this.pending.set(c.correlationData, { resolve, reject, timer });
        }),
    );
    try {
      await this.client!.publishAsync(DYNSEC_TOPIC, JSON.stringify({ commands: withIds }), { qos: 1 });
    } catch (err) {
      for (const c of withIds) this.settle(c.correlationData, undefined, err as Error);
      throw new DomainError('BROKER_UNAVAILABLE', 'unavailable', `could not reach the broker: ${(err as Error).message}`);
    }
    return Promise.all(answers);
  }

  /** Like execute, but throws on the first error that `tolerate` does not accept. */
  async executeOrThrow(commands: DynsecCommand[], tolerate: (r: DynsecResponse) => boolean = () => false): Promise<DynsecResponse[]> {
    const responses = await this.execute(commands);
    const bad = responses.find((r) => r.error !== undefined && !tolerate(r));
    if (bad) throw new DomainError('BROKER_REFUSED', 'unavailable', `broker refused ${bad.command}: ${bad.error}`);
    return responses;
  }

  async close(): Promise<void> {
    for (const [id] of this.pending) this.settle(id, undefined, new Error('dynsec connection closed'));
    const c = this.client;
    this.client = undefined;
    this.ready = undefined;
    await c?.endAsync();
  }

  private connect(): Promise<void> {
    if (this.ready) return this.ready;
    const client = mqtt.connect(this.opts.url, {
      clientId: this.opts.clientId,
      username: this.opts.username,
      password: this.opts.password,
      protocolVersion: 4,
      clean: true,
      reconnectPeriod: 1000,
      connectTimeout: 5000,
    });
    this.client = client;
    client.on('message', (_topic, payload) => this.onResponse(payload));
    client.on('error', (err) => this.logger.warn(`dynsec connection: ${err.message}`));
    this.ready = new Promise<void>((resolve, reject) => {
      const fail = (err: Error) => {
        this.ready = undefined;
        this.client = undefined;
        client.end(true);
        reject(new DomainError('BROKER_UNAVAILABLE', 'unavailable', `dynsec connection failed: ${err.message}`));
      };
      const timer = setTimeout(() => fail(new Error('connect timeout')), this.timeoutMs);
      client.once('connect', () => {
        clearTimeout(timer);
        client.subscribe(DYNSEC_RESPONSE_TOPIC, { qos: 1 }, (err) => (err ? fail(err) : resolve()));
      });
      client.once('error', (err) => {
        clearTimeout(timer);
        fail(err);
      });
    });
    // Resubscribe after a reconnect (clean session loses the subscription).
    client.on('connect', () => client.subscribe(DYNSEC_RESPONSE_TOPIC, { qos: 1 }));
    return this.ready;
  }

  private onResponse(payload: Buffer): void {
    let body: { responses?: (DynsecResponse & { correlationData?: string })[] };
    try {
      body = JSON.parse(payload.toString('utf8'));
    } catch {
      return;
    }
    for (const r of body.responses ?? []) {
      if (typeof r.correlationData === 'string') this.settle(r.correlationData, { command: r.command, error: r.error, data: r.data });
    }
  }

  private settle(id: string, response?: DynsecResponse, error?: Error): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    if (response) p.resolve(response);
    else p.reject(error ?? new Error('no response'));
  }
}
