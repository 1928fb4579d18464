// Steady traffic at the gates: `rate` scans a second over all gates in turn (mostly enrolled
// residents' faces, some strangers, some unknown QR codes), changeable while it runs. A gate that
// lost its connection decides by itself (SimGate), which is part of the traffic too.
import { SimGate, SimRandom } from '@app/devices-sim';

export class ScanLoad {
  private timer: NodeJS.Timeout | null = null;
  private rate = 0;
  private owed = 0;
  private last = 0;
  private next = 0;
  scans = 0;
  private readonly random: SimRandom;

  constructor(
    private readonly gates: SimGate[],
    private readonly personKeys: string[],
    seed: string | number = 1,
  ) {
    this.random = SimRandom.from(seed, 'fault-scan-load');
  }

  start(ratePerSecond: number): void {
    this.rate = ratePerSecond;
    this.last = Date.now();
    this.timer ??= setInterval(() => this.tick(), 20);
  }

  setRate(ratePerSecond: number): void {
    this.rate = ratePerSecond;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private tick(): void {
    const now = Date.now();
    this.owed += ((now - this.last) / 1000) * this.rate;
    this.last = now;
    while (this.owed >= 1) {
      this.owed -= 1;
      this.scan(this.gates[this.next++ % this.gates.length]);
    }
  }

  private scan(gate: SimGate): void {
    if (gate.status === 'stopped') return;
    this.scans++;
    const roll = this.random.next();
    if (roll < 0.8) gate.presentFace({ personKey: this.random.pick(this.personKeys) });
    else if (roll < 0.9) gate.presentFace(); // a stranger
    else gate.showQr(`fault-${this.random.uuid()}`);
  }
}
