import { Injectable } from '@nestjs/common';
import { RedisService } from '@app/core';

/**
 * The exact envelope of each pending durable command, for re-publishing. Kept in Redis with the
 * command's lifetime rather than in Postgres, because a facelib.sync carries face templates, which
 * must not be stored in the command history; deleted as soon as the delivery is over.
 */
@Injectable()
export class CommandEnvelopeStore {
  constructor(private readonly redis: RedisService) {}

  private key(id: string): string {
    return `device-cmd:${id}`;
  }

  async put(id: string, envelope: string, ttlMs: number): Promise<void> {
    await this.redis.client.set(this.key(id), envelope, 'PX', Math.max(1000, Math.ceil(ttlMs)));
  }

  async get(id: string): Promise<string | null> {
    return this.redis.client.get(this.key(id));
  }

  async delete(...ids: string[]): Promise<void> {
    if (ids.length) await this.redis.client.del(...ids.map((id) => this.key(id)));
  }
}
