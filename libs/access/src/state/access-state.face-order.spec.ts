// A face must not become matchable before its person is known on this instance: the gate path
// reads the person synchronously after a match, and a match without one is denied unknown_face.
// This was a real race across api instances (the face arrived by pub/sub, the person a moment later).
import type { AppConfig, MetricsService, RedisService } from '@app/core';
import type { DeviceLinks } from '../links/device-links';
import { AccessDirectoryReader, ResidentRow } from './access-directory.reader';
import { AccessState } from './access-state.service';

const DIM = 4;
const SITE = 'site-1';
const resident: ResidentRow = { id: 'r-1', siteId: SITE, fullName: 'Ada Lovelace', status: 'active', unitIds: ['u-1'], buildingIds: ['b-1'], accountId: 'acc-1' };
const vector = new Float32Array([1, 0, 0, 0]);

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A reader whose resident lookups wait for the test to release them. */
function slowReader(): { reader: AccessDirectoryReader; releasePeople: () => void; residentReads: () => number } {
  const people = deferred<void>();
  let reads = 0;
  const reader = {
    now: async () => new Date(),
    activeResidents: async () => [],
    staff: async () => [],
    sites: async () => [],
    gateSettings: async () => [],
    livePasses: async () => [],
    siteAccessConfigs: async () => new Map(),
    templatePage: async () => [],
    template: async (id: string) => (id === resident.id ? { residentId: id, siteId: SITE, vector } : null),
    residentsByIds: async (ids: string[]) => {
      reads++;
      await people.promise;
      return ids.includes(resident.id) ? [resident] : [];
    },
  } as unknown as AccessDirectoryReader;
  return { reader, releasePeople: () => people.resolve(), residentReads: () => reads };
}

async function startState(reader: AccessDirectoryReader): Promise<{ state: AccessState; deliver: (raw: string) => void }> {
  let handler: (raw: string) => void = () => undefined;
  const redis = {
    subscribe: async (_channel: string, h: (raw: string) => void) => {
      handler = h;
      return async () => undefined;
    },
    publish: async () => 1,
  } as unknown as RedisService;
  const metrics = { gauge: () => undefined } as unknown as MetricsService;
  const state = new AccessState({ face: { dim: DIM } } as AppConfig, reader, redis, {} as DeviceLinks, metrics);
  await state.onModuleInit();
  return { state, deliver: (raw) => handler(raw) };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('AccessState: a face is matchable only with its person', () => {
  it('a face enrolled on another instance (pub/sub) waits for the person before entering the matcher', async () => {
    const { reader, releasePeople, residentReads } = slowReader();
    const { state, deliver } = await startState(reader);
    deliver(JSON.stringify({ o: 'other-instance', k: 'face', id: resident.id }));
    await settle();
    expect(residentReads()).toBe(1);
    // The template is read, the person is not yet: the face must not be matchable.
    expect(state.hasFace(resident.id)).toBe(false);
    expect(state.matcher(SITE)?.size ?? 0).toBe(0);
    releasePeople();
    await new Promise((r) => setTimeout(r, 10));
    expect(state.person(resident.id)?.fullName).toBe('Ada Lovelace');
    expect(state.hasFace(resident.id)).toBe(true);
    await state.onModuleDestroy();
  });

  it('a face enrolled here enters the matcher after the person is loaded', async () => {
    const { reader, releasePeople } = slowReader();
    const { state } = await startState(reader);
    const done = state.faceChanged(resident.id, SITE, vector);
    await settle();
    expect(state.hasFace(resident.id)).toBe(false);
    releasePeople();
    await done;
    expect(state.person(resident.id)).toBeDefined();
    expect(state.hasFace(resident.id)).toBe(true);
    await state.onModuleDestroy();
  });

  it('a withdrawal drops the face at once, before any read', async () => {
    const { reader, releasePeople } = slowReader();
    const { state } = await startState(reader);
    releasePeople();
    await state.faceChanged(resident.id, SITE, vector);
    expect(state.hasFace(resident.id)).toBe(true);
    const withdrawn = state.faceChanged(resident.id, SITE, null);
    expect(state.hasFace(resident.id)).toBe(false);
    await withdrawn;
    await state.onModuleDestroy();
  });
});
