// CLI: npm run sim -- --gates 6 --speakers 4 --seed 42 … (see --help).
import { readFileSync, writeFileSync } from 'node:fs';
import { CLI_USAGE, parseCliOptions, type CliOptions } from './cli-options';
import { Community } from './community/community';
import { parseCredentialsList, type DeviceCredentials } from './provisioning/device-credentials';
import { provisionDevices } from './provisioning/provision-devices';

async function loadDevices(options: CliOptions): Promise<DeviceCredentials[]> {
  if (options.credentialsFile) {
    return parseCredentialsList(JSON.parse(readFileSync(options.credentialsFile, 'utf8')));
  }
  const result = await provisionDevices({
    apiUrl: options.apiUrl,
    login: options.login,
    password: options.password as string,
    siteId: options.siteId as string,
    gates: options.gates,
    speakers: options.speakers,
    namePrefix: options.prefix,
    cacheFile: options.cacheFile,
    mqttUrl: options.mqttUrl,
  });
  console.log(`provisioned: ${result.created.length} created, ${result.rotated.length} rotated, ${result.reused.length} reused`);
  return result.devices;
}

async function main(): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliOptions(process.argv.slice(2), process.env);
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${CLI_USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(CLI_USAGE);
    return 0;
  }

  const devices = await loadDevices(options);
  const community = new Community({
    devices,
    mqttUrl: options.mqttUrl,
    topicRoot: options.root,
    seed: options.seed,
    telemetryPeriodMs: options.telemetryPeriodMs,
    faults: {
      duplicateProbability: options.duplicateProbability,
      ackDelayMs: options.ackDelayMs,
      clockSkewMs: options.clockSkewMs,
      dropEveryMs: options.dropEveryMs,
      dropForMs: options.dropForMs,
    },
    activity: {
      meanIntervalMs: options.eventIntervalMs,
      personKeys: Array.from({ length: options.persons }, (_, i) => `p${i + 1}`),
      faceSeed: options.faceSeed,
    },
    liveSummary: options.live ?? Boolean(process.stdout.isTTY),
    deviceOptions: { protocolVersion: options.mqttVersion },
  });

  const gates = devices.filter((d) => d.kind === 'gate').length;
  console.log(`starting ${gates} gates and ${devices.length - gates} speakers on ${options.mqttUrl} (root ${options.root}, seed ${options.seed})`);
  community.start();

  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (why: string) => {
      if (stopping) {
        process.exit(1); // second Ctrl-C: do not wait any longer
      }
      stopping = true;
      if (why !== 'duration') process.stdout.write(`\n${why}: stopping…\n`);
      resolve();
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
    if (options.durationMs !== undefined) setTimeout(() => stop('duration'), options.durationMs).unref();
  });

  const report = await community.stop({ drainMs: 3000, printReport: true });
  if (options.reportFile) writeFileSync(options.reportFile, JSON.stringify(report, null, 2) + '\n');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`sim failed: ${(err as Error).message}`);
    process.exit(1);
  },
);
