// Shared set-up of the browser tests: the real api (in this process) and worker (child process) on an
// isolated environment, one site with a household, a manager and an off-shift technician (so new
// tickets wait in "new" for the manager to assign), a gate as a bare MQTT client that acks its
// commands, and one headless Chromium (Debian's) driven by playwright-core.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { AppProcess, asUser, Factories, signIn, spawnApp, startTestApi, TEST_PASSWORD, TestApi, TestEnv, createTestEnv } from '@app/testing';
import { connectGate, TestGate } from '../access-world';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Without the background-networking flags Chromium keeps dialling Google on this closed network. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const SCREENSHOTS = process.env.CONSOLE_SCREENSHOTS ? path.resolve(__dirname, '../../docs/screenshots') : null;

export interface ConsoleWorld {
  env: TestEnv;
  api: TestApi;
  worker: AppProcess;
  db: DataSource;
  consoleUrl: string;
  siteId: string;
  siteName: string;
  resident: { login: string; token: string };
  manager: { login: string };
  technicianName: string;
  gate: TestGate;
  gateName: string;
  close(): Promise<void>;
}

export async function startConsoleWorld(): Promise<ConsoleWorld> {
  const env = await createTestEnv('console');
  const api = await startTestApi(env);
  // The worker reports readiness in an info line.
  const worker = await spawnApp('worker', env.env({ LOG_LEVEL: 'info', INSTANCE_ID: 'console-worker' }), 120_000);
  const db = api.app.get(DataSource);
  const f = new Factories(db);
  const site = await f.site({ name: 'Lakeside Gardens' });
  const building = await f.building(site, { name: 'Building 1' });
  const unit = await f.unit(building);
  const resident = await f.resident(unit);
  const manager = await f.staff([site], 'manager');
  const technician = await f.staff([site], 'technician', { fullName: 'Tina Technician', onShift: false });
  const admin = await f.staff([site], 'admin');
  const adminToken = await signIn(api, admin.login, TEST_PASSWORD);
  const gateName = 'North gate';
  const res = await asUser(api, adminToken).post('/devices', { kind: 'gate', siteId: site.id, name: gateName });
  if (res.status !== 201) throw new Error(`provisioning failed: ${res.status} ${JSON.stringify(res.body)}`);
  const gate = await connectGate(env, res.body.id as string);
  // A speaker zone with one speaker, so the speaker screens have something to show.
  const zone = await asUser(api, adminToken).post('/speaker-zones', { siteId: site.id, name: 'Lakeside plaza' });
  const speaker = await asUser(api, adminToken).post('/devices', { kind: 'speaker', siteId: site.id, name: 'Plaza speaker' });
  const placed = await asUser(api, adminToken).put(`/speakers/${speaker.body.id}/zone`, { zoneId: zone.body.id });
  if (placed.status !== 200) throw new Error(`speaker set-up failed: ${zone.status} ${speaker.status} ${placed.status} ${JSON.stringify(placed.body)}`);
  return {
    env,
    api,
    worker,
    db,
    consoleUrl: `${api.url}/console/`,
    siteId: site.id,
    siteName: site.name,
    resident: { login: resident.login, token: await signIn(api, resident.login, TEST_PASSWORD) },
    manager: { login: manager.login },
    technicianName: technician.staff.fullName,
    gate,
    gateName,
    close: async () => {
      await gate.close();
      await worker.stop();
      await api.close();
      await env.drop();
    },
  };
}

export interface ConsoleBrowser {
  browser: Browser;
  /** A fresh context (own storage) and page; console errors and page errors are collected. */
  open(viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page; errors: string[] }>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<ConsoleBrowser> {
  // playwright-core gives every launch a new, empty user-data-dir of its own.
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return {
    browser,
    open: async (viewport = { width: 1280, height: 800 }) => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
      page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
      return { context, page, errors };
    },
    close: () => browser.close(),
  };
}

export async function signInThroughUi(page: Page, url: string, login: string): Promise<void> {
  await page.goto(url);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Saves a PNG into docs/screenshots when CONSOLE_SCREENSHOTS is set (npm run console:screenshots). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForTimeout(300); // let transitions settle
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}
