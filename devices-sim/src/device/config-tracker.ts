import type { DeviceConfig } from '@app/contracts';

/**
 * Keeps the desired configuration with the highest version seen. The broker re-sends the retained
 * config on every reconnect and may deliver an older one late; neither may roll the device back.
 */
export class ConfigTracker {
  private current: DeviceConfig | null = null;

  /** 'applied' when the config is newer than what the device has; 'stale' otherwise (ignored). */
  offer(config: DeviceConfig): 'applied' | 'stale' {
    if (this.current !== null && config.version <= this.current.version) return 'stale';
    this.current = config;
    return 'applied';
  }

  /** The applied config, or null before the first one. */
  get config(): DeviceConfig | null {
    return this.current;
  }

  /** What telemetry reports: 0 until a config was applied. */
  get version(): number {
    return this.current?.version ?? 0;
  }
}
