import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { API } from '../../playwright.config.js';
import { expectList, watchProblems } from './support.js';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test.describe('latest legal documents through the script tag', () => {
  test('a department page on another origin, under a strict CSP, shows the newest documents', async ({ page }) => {
    const problems = watchProblems(page);
    await page.goto('/agency.html');
    const main = page.locator('#main-laws');
    await expect(main.locator('li.item')).toHaveCount(5);
    const first = main.locator('li.item').first();
    await expect(first.locator('.number')).toHaveText(/\S+ \d+\/\S+/);
    await expect(first.locator('time')).toHaveText(/^\d\d\/\d\d\/\d{4}$/);
    await expect(first.locator('a')).toHaveAttribute('href', /^https?:\/\//);
    await expect(first.locator('.badge')).toHaveText(/hiệu lực/);
    // The sidebar widget asked for land documents only.
    await expect(page.locator('aside pbgdpl-latest-laws li.item')).toHaveCount(3);
    expect(problems).toEqual([]);
  });

  test('search finds "đất đai" when typed without diacritics', async ({ page }) => {
    await page.goto('/agency.html');
    const main = page.locator('#main-laws');
    await expect(main.locator('li.item')).toHaveCount(5);
    await main.getByRole('searchbox').fill('dat dai');
    await main.getByRole('button', { name: 'Tìm' }).click();
    await expect(main.locator('li.item a').first()).toContainText(/đất đai|Đất đai/i);
    const abstracts = await main.locator('li.item').allTextContents();
    expect(abstracts.length).toBeGreaterThan(0);
    for (const a of abstracts) expect(a.normalize('NFC')).toMatch(/đất|Đất/);
  });

  test('"Xem thêm" loads the next documents', async ({ page }) => {
    await page.goto('/agency.html');
    const main = page.locator('#main-laws');
    await expect(main.locator('li.item')).toHaveCount(5);
    const before = await main.locator('li.item .number').allTextContents();
    await main.getByRole('button', { name: 'Xem thêm' }).click();
    await expect(main.locator('li.item')).toHaveCount(10);
    const after = await main.locator('li.item .number').allTextContents();
    expect(after.slice(0, 5)).toEqual(before);
    expect(new Set(after).size).toBe(10);
  });

  test('when the API fails, the citizen sees an error and "Thử lại" brings the list', async ({ page }) => {
    let failing = true;
    await page.route(`${API}/api/v1/laws*`, (route) =>
      failing ? route.fulfill({ status: 503, contentType: 'application/problem+json', body: '{"title":"down","status":503}' }) : route.continue(),
    );
    await page.goto('/agency.html');
    const main = page.locator('#main-laws');
    const alert = main.getByRole('alert');
    await expect(alert).toContainText('Không tải được dữ liệu');
    failing = false;
    await alert.getByRole('button', { name: 'Thử lại' }).click();
    await expect(main.locator('li.item')).toHaveCount(5);
  });

  test('a CMS page with <div data-pbgdpl> placeholders gets the widgets, attributes mapped', async ({ page }) => {
    const problems = watchProblems(page);
    await page.goto('/cms.html');
    const placeholders = page.locator('div[data-pbgdpl="latest-laws"]');
    await expect(placeholders).toHaveCount(2);
    const main = placeholders.nth(0).locator('pbgdpl-latest-laws');
    await expect(main).toHaveAttribute('limit', '5');
    await expect(main.locator('li.item')).toHaveCount(5);
    await expect(main.getByRole('heading')).toHaveText('Văn bản mới ban hành');
    await expect(main.getByRole('searchbox')).toBeVisible();
    const side = placeholders.nth(1).locator('pbgdpl-latest-laws');
    await expect(side).toHaveAttribute('compact', '');
    await expect(side.locator('li.item')).toHaveCount(4);
    for (const badge of await side.locator('.badge').allTextContents()) expect(badge).toContain('Còn hiệu lực');
    // The page says lang="en-US" (a CMS default); the widget stays Vietnamese.
    await expect(side.getByRole('heading')).toHaveText('Văn bản còn hiệu lực');
    expect(problems).toEqual([]);
  });

  test('a widget a single-page app adds after load appears, without loading the code twice', async ({ page }) => {
    const chunkRequests: string[] = [];
    page.on('request', (r) => r.url().includes('/embed/v1/') && chunkRequests.push(r.url()));
    await page.goto('/spa.html');
    await page.waitForFunction(() => 'PBGDPL' in window);
    expect(chunkRequests.filter((u) => u.includes('/chunks/'))).toEqual([]); // no widget yet, no widget code
    await page.getByRole('button', { name: 'Mở mục Văn bản pháp luật' }).click();
    await expectList(page, 5);
    await page.evaluate(() => document.getElementById('view')!.insertAdjacentHTML('beforeend', '<div data-pbgdpl="latest-laws" data-limit="2"></div>'));
    await expect(page.locator('div[data-pbgdpl] li.item')).toHaveCount(2);
    const entries = chunkRequests.filter((u) => /chunks\/latest-laws-/.test(u));
    expect(entries).toHaveLength(1);
  });

  test('the loader included twice does its work once, and defines no global but PBGDPL', async ({ page }) => {
    const problems = watchProblems(page);
    const chunkRequests: string[] = [];
    page.on('request', (r) => r.url().includes('/chunks/latest-laws-') && chunkRequests.push(r.url()));
    await page.goto('/index.html');
    const globals = () => page.evaluate(() => Object.getOwnPropertyNames(window));
    const baseline = await globals();
    // A script's load event fires once it has run: both copies have, when both have fired.
    await page.evaluate(
      (api) =>
        Promise.all(
          [0, 1].map(
            () =>
              new Promise((ran, failed) => {
                const s = document.createElement('script');
                s.src = `${api}/embed/v1/loader.js`;
                s.dataset.site = 'demo';
                s.onload = ran;
                s.onerror = failed;
                document.head.append(s);
              }),
          ),
        ),
      API,
    );
    expect(await page.evaluate(() => 'PBGDPL' in window)).toBe(true);
    expect((await globals()).filter((k) => !baseline.includes(k))).toEqual(['PBGDPL']);
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<pbgdpl-latest-laws limit="3"></pbgdpl-latest-laws>'));
    await expectList(page, 3);
    // Once a widget runs, Lit adds its own version markers (used to detect two copies of Lit); nothing else.
    const lit = ['litPropertyMetadata', 'reactiveElementVersions', 'litHtmlVersions', 'litElementVersions'];
    expect((await globals()).filter((k) => !baseline.includes(k)).sort()).toEqual(['PBGDPL', ...lit].sort());
    expect(chunkRequests).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  test('the first data request starts while the widget code downloads', async ({ page }) => {
    const order: string[] = [];
    page.on('request', (r) => {
      const u = r.url();
      if (u.includes('/chunks/latest-laws-')) order.push('chunk');
      else if (u.includes('/api/v1/laws')) order.push('data');
    });
    await page.goto('/agency.html');
    await expect(page.locator('#main-laws li.item')).toHaveCount(5);
    // Both widgets' data requests go out before (or beside) the widget chunk, and only once each.
    expect(order.indexOf('data')).toBeLessThan(order.indexOf('chunk'));
    expect(order.filter((x) => x === 'data')).toHaveLength(2);
  });

  test('offline: the last good list stays, with a notice', async ({ page, context }) => {
    await page.goto('/agency.html');
    await expect(page.locator('#main-laws li.item')).toHaveCount(5);
    const firstNumber = await page.locator('#main-laws li.item .number').first().textContent();
    // Playwright's routing bypasses the HTTP cache, so the API is truly unreachable, as on a dropped rural link.
    await page.route(`${API}/api/v1/**`, (route) => route.abort('internetdisconnected'));
    await context.setOffline(true);
    // A navigation inside the site (or an SPA route) brings the widget back while offline.
    await page.evaluate(() => {
      const old = document.getElementById('main-laws')!;
      const fresh = old.cloneNode() as HTMLElement;
      old.replaceWith(fresh);
    });
    const main = page.locator('#main-laws');
    await expect(main.locator('.notice')).toContainText('Bạn đang ngoại tuyến');
    await expect(main.locator('li.item .number').first()).toHaveText(firstNumber!);
    await page.unroute(`${API}/api/v1/**`);
    await context.setOffline(false);
    await expect(main.locator('.notice')).toHaveCount(0);
  });

  test("host styles stay out and the widget's stay in", async ({ page }) => {
    await page.goto('/agency.html');
    // Through CSSOM: the host's CSP forbids inline <style>, as a careful host's would.
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('li, a, button, pbgdpl-latest-laws { letter-spacing: 6px !important; text-transform: uppercase !important; }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
    await expect(page.locator('#main-laws li.item')).toHaveCount(5);
    const inner = await page
      .locator('#main-laws li.item a')
      .first()
      .evaluate((a) => getComputedStyle(a).letterSpacing + ' ' + getComputedStyle(a).textTransform);
    expect(inner).toBe('normal none');
    // The host's own links keep the host's colour after the widget loaded.
    const hostLink = await page
      .locator('nav.site a')
      .first()
      .evaluate((a) => getComputedStyle(a).color);
    expect(hostLink).toBe('rgb(255, 255, 255)');
    const remUse = await page
      .locator('#main-laws')
      .evaluate((el) => [...el.shadowRoot!.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).filter((t) => /\d(\.\d+)?rem\b/.test(t)));
    expect(remUse).toEqual([]);
  });

  test('loading reserves the space: no layout shift on the agency page', async ({ page }) => {
    // The lists' data waits until the skeletons are on screen, as on a slow link.
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    await page.route(`${API}/api/v1/laws*`, async (route) => {
      await slow;
      await route.continue();
    });
    await page.addInitScript(() => {
      (window as unknown as { __cls: number }).__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
          if (!e.hadRecentInput) (window as unknown as { __cls: number }).__cls += e.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto('/agency.html');
    await expect(page.locator('#main-laws .skeleton').first()).toBeVisible();
    release();
    await expect(page.locator('#main-laws li.item a')).toHaveCount(5);
    // Shifts are reported after the frame that made them: two frames later, every one has been.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r)))));
    const shiftsBelowMain = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
    // The sidebar widget has no reserved height (it sits last in its column), so only it may move; nothing in main does.
    expect(shiftsBelowMain).toBeLessThan(0.01);
  });

  for (const path of ['/agency.html', '/cms.html']) {
    test(`axe finds no violations on ${path}`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('pbgdpl-latest-laws li.item').first()).toBeVisible();
      await page.locator('pbgdpl-latest-laws').first().getByRole('searchbox').fill('luat');
      const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }

  test('keyboard alone: tab to the search, search, tab to a document and to "Xem thêm"', async ({ page }) => {
    await page.goto('/agency.html');
    const main = page.locator('#main-laws');
    await expect(main.locator('li.item')).toHaveCount(5);
    await main.getByRole('searchbox').focus();
    await page.keyboard.type('luat');
    await page.keyboard.press('Enter');
    await expect(main.locator('li.item a').first()).toContainText(/Luật|luật/);
    await page.keyboard.press('Tab'); // the search button
    await page.keyboard.press('Tab'); // first document
    const focused = await page.evaluate(() => document.getElementById('main-laws')!.shadowRoot!.activeElement?.getAttribute('part'));
    expect(focused).toBe('link');
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
    const more = await page.evaluate(() => document.getElementById('main-laws')!.shadowRoot!.activeElement?.textContent?.trim());
    expect(more).toBe('Xem thêm');
    await page.keyboard.press('Enter');
    await expect(main.locator('li.item')).toHaveCount(10);
  });
});
