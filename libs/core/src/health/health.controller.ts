import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators';
import { MqttPublisher } from '../mqtt/mqtt-publisher.service';
import { RedisService } from '../redis/redis.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicator: HealthIndicatorService,
    private readonly redis: RedisService,
    private readonly mqtt: MqttPublisher,
  ) {}

  /** Liveness: the process answers. */
  @Public()
  @Get()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: each dependency reported; 503 when any is down. */
  @Public()
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.db.pingCheck('postgres', { timeout: 2000 }),
      async () => {
        const i = this.indicator.check('redis');
        try {
          return (await this.redis.ping()) ? i.up() : i.down({ message: 'no PONG' });
        } catch (err) {
          return i.down({ message: (err as Error).message });
        }
      },
      async () => {
        const i = this.indicator.check('mqtt');
        return this.mqtt.connected ? i.up() : i.down({ message: 'not connected to the broker' });
      },
    ]);
  }
}
