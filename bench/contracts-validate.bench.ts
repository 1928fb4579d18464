// Throughput of parseDeviceEvent (size check + UTF-8 check + JSON.parse + compiled envelope and data
// validation + embedding length/base64 check) for an access.face with a 512-dim embedding, next to
// bare JSON.parse of the same bytes so the validation overhead is visible.
// Run: npx ts-node --transpile-only -r tsconfig-paths/register bench/contracts-validate.bench.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { parseDeviceEvent } from '@app/contracts';
import { capture, createSeededRng, encodeEmbedding, trueFace } from '@app/contracts/embedding';

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 2000);

function measure(name: string, payloads: Buffer[], fn: (buf: Buffer) => unknown): { name: string; opsPerSec: number; usPerOp: number; iterations: number } {
  // Warm-up so the validators are compiled and the JIT has settled.
  for (let i = 0; i < 20_000; i++) fn(payloads[i % payloads.length]);
  let iterations = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(DURATION_MS) * 1_000_000n;
  let now = start;
  while (now < deadline) {
    for (let i = 0; i < 1000; i++) fn(payloads[(iterations + i) % payloads.length]);
    iterations += 1000;
    now = process.hrtime.bigint();
  }
  const seconds = Number(now - start) / 1e9;
  return { name, opsPerSec: Math.round(iterations / seconds), usPerOp: Number(((seconds * 1e6) / iterations).toFixed(2)), iterations };
}

function main(): void {
  const rng = createSeededRng('bench-contracts');
  // 64 distinct payloads so nothing is trivially cached.
  const faces: Buffer[] = [];
  for (let i = 0; i < 64; i++) {
    const embedding = encodeEmbedding(capture(trueFace(42, `p${i}`), 0.06, rng));
    const body = { id: randomUUID(), type: 'access.face', ts: new Date().toISOString(), data: { embedding, dim: 512, liveness: 0.97 } };
    faces.push(Buffer.from(JSON.stringify(body)));
  }
  const doors = faces.map(() =>
    Buffer.from(JSON.stringify({ id: randomUUID(), type: 'door.state', ts: new Date().toISOString(), data: { state: 'open' } })),
  );
  const garbage = faces.map((b) => b.subarray(0, b.length - 5));

  for (const payload of faces) {
    const r = parseDeviceEvent(payload);
    if (!r.ok) throw new Error(`bench payload rejected: ${r.detail}`);
  }

  const results = [
    measure('parseDeviceEvent access.face dim=512', faces, parseDeviceEvent),
    measure('JSON.parse only, same access.face bytes', faces, (b) => JSON.parse(b.toString('utf8'))),
    measure('parseDeviceEvent door.state', doors, parseDeviceEvent),
    measure('parseDeviceEvent truncated access.face (not_json)', garbage, parseDeviceEvent),
  ];

  const face = results[0];
  const out = {
    bench: 'contracts-validate',
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    payloadBytes: faces[0].length,
    durationMsPerCase: DURATION_MS,
    eventsPerSec: face.opsPerSec,
    validationOverheadVsJsonParse: Number((results[1].opsPerSec / face.opsPerSec).toFixed(2)),
    results,
  };
  for (const r of results) console.log(`${r.name.padEnd(52)} ${String(r.opsPerSec).padStart(9)} /s  ${r.usPerOp} µs`);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'contracts-validate.json'), JSON.stringify(out, null, 2) + '\n');
  console.log(`wrote ${join(dir, 'contracts-validate.json')}`);
}

main();
