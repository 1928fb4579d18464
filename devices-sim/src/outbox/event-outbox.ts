// A device's outbox: what it must deliver at least once (events, and acks of commands). An item
// leaves only when the broker acknowledged it (PUBACK). After a disconnect every item that was in
// flight goes back to pending and is sent again in its original order with the same id.
// Pure bookkeeping: the MQTT side lives in SimDevice.

export type OutboxChannel = 'events' | 'acks';
export type OutboxItemState = 'pending' | 'in_flight' | 'acked';

export interface OutboxItem {
  /** Event id or command id of the ack; stable across re-sends. */
  readonly key: string;
  readonly channel: OutboxChannel;
  readonly payload: Buffer;
  state: OutboxItemState;
  /** Publish attempts so far (1 = sent once). */
  attempts: number;
}

export interface OutboxOptions {
  /** Most items kept; when full the oldest pending item is dropped, like a device with full storage. */
  limit?: number;
}

export class EventOutbox {
  // In insertion order. Acked items are removed from the front; one acked in the middle (acks out
  // of order) stays, marked, until everything before it is gone, so removal is O(1) amortized.
  private items: OutboxItem[] = [];
  private readonly byKey = new Map<string, OutboxItem>();
  private readonly limit: number;
  private droppedCount = 0;

  constructor(options: OutboxOptions = {}) {
    this.limit = options.limit ?? 10_000;
  }

  /** Adds an item; returns false (and adds nothing) when the key is already waiting. */
  add(key: string, channel: OutboxChannel, payload: Buffer): boolean {
    if (this.byKey.has(key)) return false;
    if (this.byKey.size >= this.limit) this.dropOldestPending();
    const item: OutboxItem = { key, channel, payload, state: 'pending', attempts: 0 };
    this.items.push(item);
    this.byKey.set(key, item);
    return true;
  }

  /** The oldest pending item, now marked in flight; undefined when nothing is pending. */
  takeNext(): OutboxItem | undefined {
    for (const item of this.items) {
      if (item.state === 'pending') {
        item.state = 'in_flight';
        item.attempts++;
        return item;
      }
    }
    return undefined;
  }

  /** The broker acknowledged it: forget it. Returns false for an unknown or already acked key. */
  ack(key: string): boolean {
    const item = this.byKey.get(key);
    if (!item || item.state === 'acked') return false;
    item.state = 'acked';
    this.byKey.delete(key);
    let drop = 0;
    while (drop < this.items.length && this.items[drop].state === 'acked') drop++;
    if (drop > 0) this.items = this.items.slice(drop);
    return true;
  }

  /** Connection lost: everything in flight is pending again, order unchanged. Returns how many. */
  requeueInFlight(): number {
    let n = 0;
    for (const item of this.items) {
      if (item.state === 'in_flight') {
        item.state = 'pending';
        n++;
      }
    }
    return n;
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** Items not yet acknowledged (pending + in flight). */
  get size(): number {
    return this.byKey.size;
  }

  get inFlight(): number {
    return this.count('in_flight');
  }

  get pending(): number {
    return this.count('pending');
  }

  /** Items lost because the outbox was full. */
  get dropped(): number {
    return this.droppedCount;
  }

  /** Keys not yet acknowledged, oldest first (optionally of one channel). */
  keys(channel?: OutboxChannel): string[] {
    return this.items.filter((i) => i.state !== 'acked' && (channel === undefined || i.channel === channel)).map((i) => i.key);
  }

  private count(state: OutboxItemState): number {
    let n = 0;
    for (const item of this.items) if (item.state === state) n++;
    return n;
  }

  private dropOldestPending(): void {
    const victim = this.items.find((i) => i.state === 'pending');
    if (!victim) return; // everything is in flight; let it grow by one rather than lose an in-flight item
    victim.state = 'acked';
    this.byKey.delete(victim.key);
    this.items = this.items.filter((i) => i !== victim);
    this.droppedCount++;
  }
}
