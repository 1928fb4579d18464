import { Global, Module } from '@nestjs/common';
import { MqttConnectionFactory } from './mqtt-connection.factory';
import { MqttPublisher } from './mqtt-publisher.service';

@Global()
@Module({ providers: [MqttConnectionFactory, MqttPublisher], exports: [MqttConnectionFactory, MqttPublisher] })
export class MqttModule {}
