import { DEFAULT_TOPIC_ROOT } from '@app/contracts';
import { SimDevice } from '../device/sim-device';
import type { SimDeviceOptions, SimFaults } from '../device/sim-device-options';
import { SimGate } from '../gate/sim-gate';
import type { DeviceCredentials } from '../provisioning/device-credentials';
import { SimRandom } from '../random/sim-random';
import { SimSpeaker } from '../speaker/sim-speaker';
import { formatReport, formatSummaryLine, sumStats, type CommunityReport, type CommunityTotals } from './community-summary';

export interface CommunityFaults extends SimFaults {
  /** Mean time between connection drops per device (ms; 0/undefined = never). */
  dropEveryMs?: number;
  /** How long each drop lasts (ms, default 5 s). */
  dropForMs?: number;
}

export interface CommunityActivity {
  /** Mean time between ambient events per device (ms; 0 = the devices only react). */
  meanIntervalMs: number;
  /** Keys of the synthetic people who use the gates (default p1…p50). */
  personKeys?: string[];
  /** Seed of their faces; must match the seed data for faces to be recognised (default: the seed). */
  faceSeed?: number | string;
}

export interface CommunityOptions {
  devices: DeviceCredentials[];
  mqttUrl: string;
  topicRoot?: string;
  seed?: number | string;
  telemetryPeriodMs?: number;
  faults?: CommunityFaults;
  activity?: CommunityActivity;
  /** Print the one-line summary every summaryIntervalMs (default off). */
  liveSummary?: boolean;
  summaryIntervalMs?: number;
  /** Where summaries go (default process.stdout); `\r`-overwritten when it is a TTY. */
  output?: NodeJS.WriteStream | NodeJS.WritableStream;
  /** Passed to every device (e.g. protocolVersion, maxInFlight, now). */
  deviceOptions?: Partial<Omit<SimDeviceOptions, 'deviceId' | 'kind' | 'username' | 'password'>>;
}

/**
 * Runs a set of simulated gates and speakers: connects each with its own credentials, generates
 * seeded ambient traffic and faults, prints a live one-line summary and a final report.
 */
export class Community {
  readonly gates: SimGate[] = [];
  readonly speakers: SimSpeaker[] = [];
  private readonly random: SimRandom;
  private readonly timers = new Set<NodeJS.Timeout>();
  private summaryTimer: NodeJS.Timeout | null = null;
  private startedAt = 0;
  private stopped = false;

  constructor(private readonly options: CommunityOptions) {
    const seed = options.seed ?? 0;
    this.random = SimRandom.from(seed, 'community');
    for (const creds of options.devices) {
      const common = {
        ...options.deviceOptions,
        deviceId: creds.deviceId,
        username: creds.username,
        password: creds.password,
        mqttUrl: options.mqttUrl,
        topicRoot: options.topicRoot ?? DEFAULT_TOPIC_ROOT,
        seed,
        telemetryPeriodMs: options.telemetryPeriodMs,
        faults: options.faults,
      };
      if (creds.kind === 'gate') this.gates.push(new SimGate({ ...common, faceSeed: options.activity?.faceSeed ?? seed }));
      else this.speakers.push(new SimSpeaker(common));
    }
  }

  get devices(): SimDevice[] {
    return [...this.gates, ...this.speakers];
  }

  start(): void {
    this.startedAt = Date.now();
    for (const device of this.devices) device.start();
    for (const speaker of this.speakers) this.wirePhones(speaker);
    const activity = this.options.activity;
    if (activity && activity.meanIntervalMs > 0) for (const device of this.devices) this.scheduleActivity(device, activity);
    const faults = this.options.faults;
    if (faults?.dropEveryMs && faults.dropEveryMs > 0) for (const device of this.devices) this.scheduleDrops(device, faults.dropEveryMs, faults.dropForMs ?? 5000);
    if (this.options.liveSummary) {
      this.summaryTimer = setInterval(() => this.printSummary(), this.options.summaryIntervalMs ?? 1000);
    }
  }

  /** Resolves when every device is online (or rejects naming those that are not). */
  async waitOnline(timeoutMs = 15_000): Promise<void> {
    const results = await Promise.allSettled(this.devices.map((d) => d.waitOnline(timeoutMs)));
    const failed = this.devices.filter((_, i) => results[i].status === 'rejected').map((d) => d.deviceId);
    if (failed.length > 0) throw new Error(`not online: ${failed.join(', ')}`);
  }

  totals(): CommunityTotals {
    return sumStats(this.devices.map((d) => d.stats()));
  }

  /** Stops traffic, lets outboxes drain (up to drainMs), says goodbye, returns and prints the report. */
  async stop(options: { drainMs?: number; printReport?: boolean } = {}): Promise<CommunityReport> {
    if (!this.stopped) {
      this.stopped = true;
      for (const timer of this.timers) clearTimeout(timer);
      this.timers.clear();
      if (this.summaryTimer) clearInterval(this.summaryTimer);
      this.summaryTimer = null;
      // A device in the middle of an outage (dropFor) reconnects and empties its outbox too; only
      // devices already stopped cannot.
      await Promise.all(this.devices.map((d) => (d.status !== 'stopped' && d.status !== 'idle' ? d.drain(options.drainMs ?? 3000) : Promise.resolve(false))));
    }
    // Stats before stop(): the report shows who was online at the end of the run.
    const devices = this.devices.map((d) => d.stats());
    await Promise.all(this.devices.map((d) => d.stop()));
    const durationS = (Date.now() - this.startedAt) / 1000;
    const totals = sumStats(devices);
    const report: CommunityReport = {
      startedAt: new Date(this.startedAt).toISOString(),
      durationS,
      totals,
      eventsAckedPerSec: durationS > 0 ? totals.eventsAcked / durationS : 0,
      devices,
    };
    if (options.printReport) this.write(`${this.isTty() ? '\n' : ''}${formatReport(report)}\n`);
    return report;
  }

  private printSummary(): void {
    const line = formatSummaryLine((Date.now() - this.startedAt) / 1000, this.totals());
    this.write(this.isTty() ? `\r${line}\u001b[K` : `${line}\n`);
  }

  private write(text: string): void {
    (this.options.output ?? process.stdout).write(text);
  }

  private isTty(): boolean {
    const out = (this.options.output ?? process.stdout) as NodeJS.WriteStream;
    return Boolean(out.isTTY);
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.stopped) fn();
    }, ms);
    this.timers.add(timer);
  }

  private scheduleActivity(device: SimDevice, activity: CommunityActivity): void {
    const rng = this.random.fork(`activity-${device.deviceId}`);
    const persons = activity.personKeys ?? Array.from({ length: 50 }, (_, i) => `p${i + 1}`);
    const step = () => {
      this.later(Math.max(1, Math.round(rng.exponential(activity.meanIntervalMs))), () => {
        if (device instanceof SimGate) this.gateActivity(device, rng, persons);
        else if (device instanceof SimSpeaker) this.speakerActivity(device, rng);
        step();
      });
    };
    step();
  }

  private gateActivity(gate: SimGate, rng: SimRandom, persons: string[]): void {
    const roll = rng.next();
    if (roll < 0.65) gate.presentFace({ personKey: rng.pick(persons) });
    else if (roll < 0.75) gate.presentFace(); // a stranger
    else if (roll < 0.8) gate.presentFace({ personKey: rng.pick(persons), spoof: true });
    else if (roll < 0.98) gate.showQr(`sim-${rng.uuid()}`);
    else gate.raiseAlarm('held_open', 'simulated');
  }

  private speakerActivity(speaker: SimSpeaker, rng: SimRandom): void {
    if (speaker.sessionId === null) {
      // Someone turns the knob on an idle speaker.
      speaker.setVolume(rng.intBetween(10, 90));
      return;
    }
    const roll = rng.next();
    if (roll < 0.5) speaker.play(`Track ${rng.intBetween(1, 500)}`, `Artist ${rng.intBetween(1, 80)}`);
    else if (roll < 0.85) speaker.setVolume(rng.intBetween(10, 90));
    else speaker.leave(rng.chance(0.5) ? 'user' : 'out_of_range');
  }

  /** When the backend opens a pairing window, a resident's phone usually pairs a few seconds later. */
  private wirePhones(speaker: SimSpeaker): void {
    const rng = this.random.fork(`phones-${speaker.deviceId}`);
    speaker.on('command', ({ command }) => {
      if (command.type !== 'speaker.pairing.open' || !rng.chance(0.9)) return;
      const mac = Array.from({ length: 6 }, () => rng.intBetween(0, 255).toString(16).padStart(2, '0').toUpperCase()).join(':');
      this.later(Math.round(rng.between(500, 4000)), () => speaker.pairPhone(command.data.code, mac));
    });
  }

  private scheduleDrops(device: SimDevice, everyMs: number, forMs: number): void {
    const rng = this.random.fork(`drops-${device.deviceId}`);
    const step = () => {
      this.later(Math.max(1000, Math.round(rng.exponential(everyMs))), () => {
        device.dropFor(forMs);
        step();
      });
    };
    step();
  }
}
