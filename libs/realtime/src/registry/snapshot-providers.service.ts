import { Injectable } from '@nestjs/common';
import type { Principal } from '@app/core';
import type { SnapshotSections } from '@app/contracts/realtime';

export interface SnapshotContext {
  /** The rooms the connection was put in. */
  rooms: readonly string[];
}

/** Returns the sections this module owns, as the principal may see them now. */
export type SnapshotProvider = (principal: Principal, ctx: SnapshotContext) => Promise<Partial<SnapshotSections>>;

/**
 * What a connection gets on (re)connect. Modules register a provider in `onModuleInit`
 * (alarms from access, queue positions from speakers, device presence from realtime itself).
 */
@Injectable()
export class SnapshotProviders {
  private readonly providers = new Map<string, SnapshotProvider>();

  register(name: string, provider: SnapshotProvider): void {
    if (this.providers.has(name)) throw new Error(`snapshot provider "${name}" is already registered`);
    this.providers.set(name, provider);
  }

  entries(): [string, SnapshotProvider][] {
    return [...this.providers.entries()];
  }
}
