/**
 * Remembers the last N command results by id. QoS 1 may deliver a command twice (redelivery after a
 * reconnect); the device must not open the door twice, only ack again with the same result.
 */
export class RecentResults<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly capacity = 1000) {}

  get(id: string): V | undefined {
    return this.map.get(id);
  }

  set(id: string, value: V): void {
    this.map.delete(id);
    this.map.set(id, value);
    if (this.map.size > this.capacity) {
      const oldest = this.map.keys().next().value as string;
      this.map.delete(oldest);
    }
  }

  get size(): number {
    return this.map.size;
  }
}
