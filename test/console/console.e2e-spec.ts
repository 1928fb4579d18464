// The console in a real browser against the real api, worker and a simulated gate: a resident files
// a ticket that staff see arrive without reloading, assign and resolve, and the resident rates; the
// gate's denial shows in the live feed; an alarm is acknowledged; the site is locked down and
// released; a visitor pass created in the resident's app admits its visitor once.
// One browser and one api/worker for the whole file; every page must finish without console errors.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { ConsoleBrowser, ConsoleWorld, launchBrowser, screenshot, signInThroughUi, startConsoleWorld } from './console-world';

jest.setTimeout(120_000);
const PHONE = { width: 390, height: 844 };
const LIVE = { timeout: 15_000 };

describe('staff console and resident companion in Chromium', () => {
  let w: ConsoleWorld;
  let chrome: ConsoleBrowser;
  let staff: { page: Page; errors: string[] };
  let resident: { page: Page; errors: string[] };

  beforeAll(async () => {
    [w, chrome] = await Promise.all([startConsoleWorld(), launchBrowser()]);
    staff = await chrome.open();
    resident = await chrome.open(PHONE);
    await signInThroughUi(staff.page, w.consoleUrl, w.manager.login);
    await signInThroughUi(resident.page, w.consoleUrl, w.resident.login);
    await staff.page.getByText('No tickets here.').waitFor(LIVE);
    await staff.page.getByTestId('live-status').filter({ hasText: 'live' }).waitFor(LIVE);
    await resident.page.getByTestId('live-status').filter({ hasText: 'live' }).waitFor(LIVE);
  });

  afterAll(async () => {
    await chrome?.close();
    await w?.close();
  });

  afterEach(() => {
    expect(staff.errors).toEqual([]);
    expect(resident.errors).toEqual([]);
  });

  it('is served by the api at /console: the app for its own routes, 404 for a missing file', async () => {
    const page = await fetch(`${w.api.url}/console/tickets/anything`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('<div id="root">');
    expect((await fetch(`${w.api.url}/console/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${w.api.url}/api/v1/tickets`)).status).toBe(401);
  });

  it('shows a ticket the resident just filed to staff without a reload; staff assign and resolve it; the resident rates it', async () => {
    const rp = resident.page;
    const sp = staff.page;
    const title = `Kitchen tap leaking ${Date.now().toString(36)}`;
    await rp.getByRole('button', { name: 'Report a problem' }).click();
    await rp.getByLabel('What is wrong?').fill(title);
    await rp.getByLabel('Details').fill('Drips all night under the sink.');
    await rp.getByRole('button', { name: 'Send' }).click();
    await rp.getByRole('heading', { name: title }).waitFor(LIVE);

    // The staff page was loaded before the ticket existed and is never reloaded.
    const row = sp.locator('tr', { hasText: title });
    await row.waitFor(LIVE);
    await sp.getByTestId('count-new').filter({ hasText: '1' }).waitFor(LIVE);
    await screenshot(sp, 'ticket-queue');

    await row.click();
    await sp.getByRole('heading', { name: title }).waitFor(LIVE);
    await sp.getByRole('button', { name: 'Assign', exact: true }).click();
    await sp.getByLabel('Technician').selectOption({ label: `${w.technicianName} (technician)` });
    await sp.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await sp.getByTestId('ticket-status').filter({ hasText: 'assigned' }).waitFor(LIVE);
    await sp.getByTestId('detail-assignee').filter({ hasText: w.technicianName }).waitFor(LIVE);

    await sp.getByRole('button', { name: 'Start work' }).click();
    await sp.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await sp.getByTestId('ticket-status').filter({ hasText: 'in progress' }).waitFor(LIVE);
    await sp.getByRole('button', { name: 'Resolve' }).click();
    await sp.getByLabel('Resolution note').fill('Replaced the washer.');
    await sp.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await sp.getByTestId('ticket-status').filter({ hasText: 'resolved' }).waitFor(LIVE);
    await sp.getByRole('textbox', { name: 'Comment' }).fill('Please rate us in the app.');
    await sp.getByRole('button', { name: 'Post' }).click();
    await sp.locator('[data-comment="public"]', { hasText: 'Please rate us' }).waitFor(LIVE);
    await screenshot(sp, 'ticket-page');

    // The resident's ticket page follows along live, then takes the rating.
    await rp.getByTestId('resident-ticket-status').filter({ hasText: 'resolved' }).waitFor(LIVE);
    await rp.locator('[data-comment="public"]', { hasText: 'Please rate us' }).waitFor(LIVE);
    await rp.getByRole('button', { name: 'Send rating' }).click();
    await rp.getByText('You rated this 5/5.').waitFor(LIVE);
    const [ticket] = (await w.db.query(`SELECT status, "assigneeId" IS NOT NULL AS assigned FROM tickets WHERE title = $1`, [title])) as { status: string; assigned: boolean }[];
    expect(ticket).toEqual({ status: 'closed', assigned: true });
  });

  it("shows a gate's denial in the live feed and lets staff acknowledge an alarm", async () => {
    const sp = staff.page;
    await sp.getByRole('link', { name: 'Access' }).click();
    await sp.getByText('Live feed').waitFor(LIVE);
    await sp.locator('[data-gate]', { hasText: w.gateName }).waitFor(LIVE);

    await w.gate.qr(`v1.${randomUUID()}.${'A'.repeat(24)}`); // a forged visitor pass
    await sp.locator('tr[data-decision="denied"]', { hasText: w.gateName }).waitFor(LIVE);

    await w.gate.event('alarm', { kind: 'tamper', detail: 'cover opened' });
    const alarm = sp.locator('[data-alarm="tamper"]');
    await alarm.and(sp.locator('[data-alarm-status="open"]')).waitFor(LIVE);
    await alarm.getByRole('button', { name: 'Acknowledge' }).click();
    await alarm.and(sp.locator('[data-alarm-status="acknowledged"]')).waitFor(LIVE);
    await screenshot(sp, 'access');
  });

  it('locks the site down after a confirmation, then releases it', async () => {
    const sp = staff.page;
    await sp.getByRole('button', { name: 'Lock down site' }).click();
    await sp.getByRole('dialog').getByLabel('Reason').fill('Drill');
    await sp.getByRole('button', { name: 'Confirm lockdown' }).click();
    await sp.getByTestId('gate-mode').filter({ hasText: 'lockdown' }).waitFor(LIVE);
    expect(w.gate.commands.some((c) => c.type === 'gate.mode' && c.data.mode === 'lockdown')).toBe(true);

    await sp.getByRole('button', { name: 'Release' }).click();
    await sp.getByRole('button', { name: 'Confirm release' }).click();
    await sp.getByTestId('gate-mode').filter({ hasText: 'normal' }).waitFor(LIVE);
  });

  it('admits a visitor once with the pass a resident created in the app', async () => {
    const rp = resident.page;
    await rp.getByRole('tab', { name: 'Visitors' }).click();
    await rp.getByLabel("Visitor's name").fill('Wang Fang');
    await rp.getByRole('button', { name: 'Create pass' }).click();
    const token = (await rp.getByTestId('pass-token').textContent({ timeout: LIVE.timeout }))!.trim();
    await rp.locator('[data-pass]', { hasText: 'Wang Fang' }).getByTestId('pass-status').filter({ hasText: 'active' }).waitFor(LIVE);
    await screenshot(rp, 'resident-visitor-pass');

    const first = await w.gate.qr(token);
    expect(await w.gate.answerTo(first)).toMatchObject({ type: 'gate.open' });
    const second = await w.gate.qr(token);
    expect(await w.gate.answerTo(second)).toMatchObject({ type: 'gate.deny' });
    await staff.page.locator('tr[data-decision="granted"]', { hasText: 'Wang Fang' }).waitFor(LIVE);
  });

  it('renders the remaining screens (speakers, metrics, resident entry code) without errors', async () => {
    const sp = staff.page;
    await sp.getByRole('link', { name: 'Speakers' }).click();
    await sp.getByRole('heading', { name: 'Announce' }).waitFor(LIVE);
    await sp.locator('[data-speaker]', { hasText: 'Plaza speaker' }).waitFor(LIVE);
    await screenshot(sp, 'speakers');
    await sp.getByRole('link', { name: 'Metrics' }).click();
    await sp.getByRole('img', { name: 'SLA compliance' }).first().waitFor(LIVE);
    await screenshot(sp, 'metrics');

    const rp = resident.page;
    await rp.getByRole('tab', { name: 'Tickets' }).click();
    const back = rp.getByRole('button', { name: '← Our tickets' });
    if (await back.count()) await back.click();
    await rp.getByRole('button', { name: 'Report a problem' }).waitFor(LIVE);
    await screenshot(rp, 'resident-home');
    await rp.getByRole('tab', { name: 'My entry' }).click();
    await rp.getByRole('img', { name: 'My entry QR code' }).waitFor(LIVE);
    await screenshot(rp, 'resident-entry');
    await rp.getByRole('tab', { name: 'Speakers' }).click();
    await rp.locator('[data-speaker]', { hasText: 'Plaza speaker' }).waitFor(LIVE);
    await rp.getByRole('tab', { name: 'Inbox' }).click();
    await rp.getByRole('heading', { name: /Notifications/ }).waitFor(LIVE);
    await screenshot(rp, 'resident-inbox');
  });
});
