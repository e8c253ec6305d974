import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import './define.js';
import type { PbgdplLatestLaws } from './latest-laws.js';
import { sendKeys } from '@web/test-runner-commands';
import { clearWidgetStorage, gate, law, page, setOnline, settle, stubFetch, watchWarnings } from '../test-support/fixtures.js';

const API = 'https://api.example.test';
const shadow = (el: Element) => el.shadowRoot!;
const items = (el: Element) => Array.from(shadow(el).querySelectorAll<HTMLLIElement>('li.item'));
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const ready = (el: PbgdplLatestLaws, n: number, timeout = 1000) =>
  waitUntil(() => items(el).length === n && !shadow(el).querySelector('.skeleton'), `expected ${n} items`, { timeout });

describe('pbgdpl-latest-laws', () => {
  let stub: ReturnType<typeof stubFetch> | undefined;
  let warnings: ReturnType<typeof watchWarnings>;
  let restoreOnline: (() => void) | undefined;

  beforeEach(() => {
    clearWidgetStorage();
    warnings = watchWarnings();
  });
  afterEach(() => {
    stub?.restore();
    restoreOnline?.();
    restoreOnline = undefined;
    delete (window as { PBGDPL?: unknown }).PBGDPL;
    warnings.check();
  });

  it('asks the API for the attributes it was given and renders each document', async () => {
    stub = stubFetch(() => ({ body: page(1, 3, 'next') }));
    const el = await fixture<PbgdplLatestLaws>(
      html`<pbgdpl-latest-laws api=${API} site="demo" limit="3" field="dat-dai" validity="con-hieu-luc"></pbgdpl-latest-laws>`,
    );
    await ready(el, 3);
    const url = stub.calls[0]!;
    expect(url.origin + url.pathname).to.equal(`${API}/api/v1/laws`);
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({ field: 'dat-dai', validity: 'con-hieu-luc', limit: '3', lang: 'vi', site: 'demo' });
    const first = items(el)[0]!;
    expect(text(first.querySelector('.number'))).to.equal('Luật 1/2025/QH15');
    const link = first.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('https://example.org/van-ban/1');
    expect(link.getAttribute('target')).to.equal('_blank');
    expect(text(link)).to.contain('Luật số 1 về đất đai');
    expect(text(first.querySelector('time'))).to.equal('02/06/2025');
    expect(text(first.querySelector('.badge'))).to.contain('Còn hiệu lực');
    expect(text(first.querySelector('.issuer'))).to.contain('Quốc hội');
  });

  it('never moves what follows it up: the list is as tall as its skeleton, taller only where a number or issuer needs a line more', async () => {
    const long =
      'Quy định chi tiết một số điều và biện pháp thi hành Luật Bảo vệ dữ liệu cá nhân về xử lý dữ liệu cá nhân cơ bản, dữ liệu cá nhân nhạy cảm, chuyển dữ liệu cá nhân ra nước ngoài và trách nhiệm của các cơ quan, tổ chức, cá nhân có liên quan';
    const body = page(1, 5, 'next');
    body.items[1] = { ...body.items[1]!, abstract: long, issuer: { code: 'x', label: 'Bộ Thông tin và Truyền thông, Bộ Tư pháp, Bộ Công an' } };
    body.items[2] = { ...body.items[2]!, abstract: 'Ngắn' };
    for (const width of [320, 640]) {
      clearWidgetStorage();
      const reply = gate();
      stub?.restore();
      stub = stubFetch(() => ({ body, gate: reply.closed }));
      const el = await fixture<PbgdplLatestLaws>(
        html`<div style="width: ${width}px"><pbgdpl-latest-laws api=${API} limit="5"></pbgdpl-latest-laws></div>`,
      ).then((d) => d.firstElementChild as PbgdplLatestLaws);
      await el.updateComplete;
      expect(shadow(el).querySelectorAll('.skeleton').length).to.be.greaterThan(0);
      const loadingHeight = el.getBoundingClientRect().height;
      reply.open();
      await ready(el, 5);
      const loaded = el.getBoundingClientRect().height;
      // 640 px: everything fits the reserved rows. 320 px: the long issuer takes a second line, nothing shrinks.
      if (width === 640) expect(loaded, `${width}px`).to.be.closeTo(loadingHeight, 0.5);
      else expect(loaded, `${width}px`).to.be.at.least(loadingHeight - 0.5);
    }
  });

  for (const width of [320, 412]) {
    it(`at ${width} px, document numbers and issuers are shown whole, and a short abstract has its dates right below it`, async () => {
      const body = page(1, 3);
      body.items[0] = law(1, {
        type: { code: 'thong-tu-lien-tich', label: 'Thông tư liên tịch' },
        number: '03/2025/TTLT-BTP-BNV-BCA',
        issuer: { code: 'x', label: 'Bộ Thông tin và Truyền thông, Bộ Tư pháp' },
        validity: { code: 'het-hieu-luc-mot-phan', label: 'Hết hiệu lực một phần' },
        abstract: 'Ngắn',
      });
      stub = stubFetch(() => ({ body }));
      for (const compact of [false, true]) {
        const wrap = await fixture(
          html`<div style="width: ${width}px; font-size: 20px"><pbgdpl-latest-laws api=${API} limit="3" ?compact=${compact}></pbgdpl-latest-laws></div>`,
        );
        const el = wrap.firstElementChild as PbgdplLatestLaws;
        await ready(el, 3);
        const item = items(el)[0]!;
        const box = item.getBoundingClientRect();
        for (const node of [...item.querySelectorAll<HTMLElement>('.number, .issuer, .badge, .date')]) {
          const what = `${compact ? 'compact ' : ''}${node.className} “${text(node)}”`;
          expect(node.scrollWidth, what).to.be.at.most(node.clientWidth);
          expect(getComputedStyle(node).textOverflow, what).to.not.equal('ellipsis');
          for (const r of node.getClientRects()) expect(r.right, what).to.be.at.most(box.right + 0.5);
        }
        // No empty line between a one-line abstract and its meta line (measured on the text itself).
        const range = document.createRange();
        range.selectNodeContents(item.querySelector('.abstract')!);
        const gap = item.querySelector('.meta')!.getBoundingClientRect().top - range.getBoundingClientRect().bottom;
        expect(gap, `${compact ? 'compact: ' : ''}space under a short abstract`).to.be.below(0.5 * 20);
      }
    });
  }

  it("a document link's focus ring is drawn whole, inside the widget, not clipped by its row", async () => {
    stub = stubFetch(() => ({ body: page(1, 3) }));
    for (const [width, compact] of [
      [320, false],
      [640, true],
    ] as const) {
      const wrap = await fixture(
        html`<div style="width: ${width}px"><button id="before">before</button><pbgdpl-latest-laws api=${API} limit="3" ?compact=${compact}></pbgdpl-latest-laws></div>`,
      );
      const el = wrap.querySelector('pbgdpl-latest-laws')!;
      await ready(el, 3);
      wrap.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' }); // the keyboard, so :focus-visible draws the ring
      const link = shadow(el).activeElement as HTMLElement;
      expect(link?.localName).to.equal('a');
      const cs = getComputedStyle(link);
      expect(cs.outlineStyle).to.not.equal('none');
      const reach = parseFloat(cs.outlineWidth) + parseFloat(cs.outlineOffset);
      const r = link.getBoundingClientRect();
      const ring = { left: r.left - reach, right: r.right + reach, top: r.top - reach, bottom: r.bottom + reach };
      const inside = (b: DOMRect, what: string) => {
        expect(ring.left, what).to.be.at.least(b.left);
        expect(ring.right, what).to.be.at.most(b.right);
        expect(ring.top, what).to.be.at.least(b.top);
        expect(ring.bottom, what).to.be.at.most(b.bottom);
      };
      inside(el.getBoundingClientRect(), 'the widget');
      // Every box between the link and the widget that clips its content must hold the whole ring.
      for (let node = link.parentElement; node; node = node.parentElement) {
        if (getComputedStyle(node).overflow !== 'visible') inside(node.getBoundingClientRect(), `${node.localName}.${node.className}`);
      }
    }
  });

  it('keeps the same height at a large font size, "Xem thêm" included', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    stub = stubFetch(() => ({ body: page(1, 3, 'next') }));
    const original = window.fetch;
    window.fetch = async (...args: Parameters<typeof fetch>) => (await gate, original(...args));
    const el = await fixture<PbgdplLatestLaws>(html`<pbgdpl-latest-laws api=${API} limit="3" style="font-size: 22px"></pbgdpl-latest-laws>`);
    await el.updateComplete;
    const loadingHeight = el.getBoundingClientRect().height;
    release();
    await ready(el, 3);
    expect(shadow(el).querySelector('[part=more]')).to.exist;
    expect(el.getBoundingClientRect().height).to.equal(loadingHeight);
    window.fetch = original;
  });

  it('reserves exactly the height the embedding guide tells hosts to reserve', async () => {
    stub = stubFetch(() => ({ hang: true }));
    const el = await fixture<PbgdplLatestLaws>(html`<pbgdpl-latest-laws api=${API} limit="5" style="font-size: 16px"></pbgdpl-latest-laws>`);
    await el.updateComplete;
    // docs/embedding.md: limit 5 without search is calc(42.325em + 51px); with show-search, calc(42.825em + 95px).
    expect(el.getBoundingClientRect().height).to.be.closeTo(42.325 * 16 + 51, 0.5);
    el.showSearch = true;
    await el.updateComplete;
    expect(el.getBoundingClientRect().height).to.be.closeTo(42.825 * 16 + 95, 0.5);
  });

  it('never links to a URL that is not http(s), whatever the API sends', async () => {
    stub = stubFetch(() => ({
      body: { items: [law(1, { url: 'javascript:window.__pwned=1' }), law(2, { url: 'data:text/html,<script>1</script>' }), law(3)], nextCursor: null },
    }));
    const el = await fixture<PbgdplLatestLaws>(html`<pbgdpl-latest-laws api=${API} limit="3"></pbgdpl-latest-laws>`);
    await ready(el, 3);
    const hrefs = [...shadow(el).querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal(['https://example.org/van-ban/3']);
    expect(text(items(el)[0]!.querySelector('.abstract'))).to.contain('Luật số 1');
  });

  it('shows an empty state', async () => {
    stub = stubFetch(() => ({ body: { items: [], nextCursor: null } }));
    const el = await fixture<PbgdplLatestLaws>(html`<pbgdpl-latest-laws api=${API}></pbgdpl-latest-laws>`);
    await waitUntil(() => shadow(el).querySelector('.empty'));
    expect(text(shadow(el).querySelector('.empty'))).to.equal('Chưa có văn bản nào.');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry button that loads again', async () => {
    let fail = true;
    stub = stubFetch(() => (fail ? { status: 500, body: { title: 'boom' } } : { body: page(1, 2, 'next') }));
    const el = await fixture<PbgdplLatestLaws>(html`<pbgdpl-latest-laws api=${API}></pbgdpl-latest-laws>`);
    await waitUntil(() => shadow(el).querySelector('[role=alert]'), 'error shown', { timeout: 4000 });
    expect(text(shadow(el).querySelector('[role=alert]'))).to.contain('Không tải được dữ liệu');
    await expect(el).to.be.accessible();
    fail = false;
    const loaded = oneEvent(el, 'pbgdpl-loaded');
    (shadow(el).querySelector('[role=alert] button') as HTMLButtonElement).click();
    await ready(el, 2);
    await loaded;
    // The retry brings everything a first load brings, "Xem thêm" included.
    await waitUntil(() => shadow(el).querySelector('[part=more]'), '"Xem thêm" after a retry');
  });

  it('treats a response that breaks the contract as an error, never half-rendering it', async () => {
    stub = stubFetch(() => ({ body: { items: [{ ...law(1), validity: 'yes' }], nextCursor: null } }));
    const el = await fixture<PbgdplLatestLaws>(html`<pbgdpl-latest-laws api=${API}></pbgdpl-latest-laws>`);
    await waitUntil(() => shadow(el).querySelector('[role=alert]'), 'error shown', { timeout: 4000 });
    expect(items(el)).to.have.length(0);
  });

  it('does not retry a 4xx, and retries a network failure once', async () => {
    stub = stubFetch(() => ({ status: 400, body: { status: 400, detail: 'field: unknown field "khong-co"' } }));
    const el = await fixture<PbgdplLatestLaws>(html`<pbgdpl-latest-laws api=${API} field="khong-co"></pbgdpl-latest-laws>`);
    await waitUntil(() => shadow(el).querySelector('[role=alert]'));
    expect(stub.calls).to.have.length(1);
    // The webmaster learns why from the console.
    expect(warnings.kit.join()).to.contain('unknown field "khong-co"');
    el.field = '';
    stub.restore();
    let n = 0;
    stub = stubFetch(() => (n++ === 0 ? { networkError: true } : { body: page(1, 1) }));
    el.field = 'dat-dai';
    await ready(el, 1, 4000); // the retry comes 800 ms after the failure
    expect(stub.calls).to.have.length(2);
  });

  it('renders the last good copy at once on a repeat visit, then revalidates behind', async () => {
    stub = stubFetch(() => ({ body: page(1, 2) }));
    const first = await fixture<PbgdplLatestLaws>(html`<pbgdpl-latest-laws api=${API} limit="2"></pbgdpl-latest-laws>`);
    await ready(first, 2);
    first.remove();
    stub.restore();
    const fresh = gate();
    stub = stubFetch(() => ({ body: page(10, 2), gate: fresh.closed }));
    const again = await fixture<PbgdplLatestLaws>(html`<pbgdpl-latest-laws api=${API} limit="2"></pbgdpl-latest-laws>`);
    await again.updateComplete;
    expect(text(items(again)[0]!.querySelector('.number'))).to.contain('1/2025/QH15'); // from storage, no skeleton
    fresh.open();
    await waitUntil(() => text(items(again)[0]!.querySelector('.number')).includes('10/2025/QH15'), 'fresh data replaces the copy');
  });

  it('offline with a stored copy: shows it with a notice, and refreshes when the network returns', async () => {
    stub = stubFetch(() => ({ body: page(1, 2) }));
    const first = await fixture<PbgdplLatestLaws>(html`<pbgdpl-latest-laws api=${API} limit="2"></pbgdpl-latest-laws>`);
    await ready(first, 2);
    first.remove();
    stub.restore();
    restoreOnline = setOnline(false);
    let online = false;
    stub = stubFetch(() => (online ? { body: page(20, 2) } : { networkError: true }));
    const el = await fixture<PbgdplLatestLaws>(html`<pbgdpl-latest-laws api=${API} limit="2"></pbgdpl-latest-laws>`);
    await waitUntil(() => shadow(el).querySelector('.notice'), 'offline notice', { timeout: 4000 });
    expect(text(shadow(el).querySelector('.notice'))).to.contain('Bạn đang ngoại tuyến');
    expect(items(el)).to.have.length(2);
    await expect(el).to.be.accessible();
    online = true;
    restoreOnline();
    restoreOnline = setOnline(true);
    await waitUntil(() => text(items(el)[0]!.querySelector('.number')).includes('20/2025/QH15'), 'refreshed when back online');
    expect(shadow(el).querySelector('.notice')).to.equal(null);
  });

  it('offline with nothing stored: says so, and loads when the network returns', async () => {
    restoreOnline = setOnline(false);
    let online = false;
    stub = stubFetch(() => (online ? { body: page(1, 3) } : { networkError: true }));
    const el = await fixture<PbgdplLatestLaws>(html`<pbgdpl-latest-laws api=${API} limit="3"></pbgdpl-latest-laws>`);
    await waitUntil(() => text(shadow(el).querySelector('[role=alert]')).includes('Không có kết nối mạng'), 'offline state', { timeout: 4000 });
    online = true;
    restoreOnline();
    restoreOnline = setOnline(true);
    await ready(el, 3);
  });

  it('uses the request the loader started instead of asking again', async () => {
    stub = stubFetch(() => ({ body: page(1, 5) }));
    const url = `${API}/api/v1/laws?limit=5&lang=vi`;
    const prefetched = new Map([[url, { promise: new Promise((r) => setTimeout(() => r({ status: 200, body: page(30, 5) }), 50)) }]]);
    (window as { PBGDPL?: unknown }).PBGDPL = { prefetched };
    const el = await fixture<PbgdplLatestLaws>(html`<pbgdpl-latest-laws api=${API}></pbgdpl-latest-laws>`);
    await ready(el, 5);
    expect(stub.calls).to.have.length(0);
    expect(text(items(el)[0]!.querySelector('.number'))).to.contain('30/2025/QH15');
    expect(prefetched.size).to.equal(0);
  });

  it("draws the list in its first render when the loader's request has already arrived", async () => {
    stub = stubFetch(() => ({ body: page(1, 5) }));
    const url = `${API}/api/v1/laws?limit=5&lang=vi`;
    const body = page(60, 5);
    (window as { PBGDPL?: unknown }).PBGDPL = {
      prefetched: new Map([[url, { promise: Promise.resolve({ status: 200, body }), result: { status: 200, body } }]]),
    };
    const el = document.createElement('pbgdpl-latest-laws');
    el.setAttribute('api', API);
    document.body.append(el);
    await el.updateComplete; // the first render, with nothing awaited in between
    expect(shadow(el).querySelector('.skeleton')).to.equal(null);
    expect(items(el)).to.have.length(5);
    expect(stub.calls).to.have.length(0);
    el.remove();
  });

  it('drops a slow stale reply when the filter changed meanwhile', async () => {
    // The loader's request is the one reply that can still arrive after the widget moved on: it is not aborted.
    const late = gate();
    const stale = late.closed.then(() => ({ status: 200, body: page(1, 2) }));
    (window as { PBGDPL?: unknown }).PBGDPL = { prefetched: new Map([[`${API}/api/v1/laws?field=dat-dai&limit=5&lang=vi`, { promise: stale }]]) };
    stub = stubFetch(() => ({ body: page(50, 2) }));
    const el = await fixture<PbgdplLatestLaws>(html`<pbgdpl-latest-laws api=${API} field="dat-dai"></pbgdpl-latest-laws>`);
    el.field = 'giao-thong';
    await ready(el, 2);
    expect(text(items(el)[0]!.querySelector('.number'))).to.contain('50/2025/QH15');
    late.open();
    await stale;
    await settle();
    await el.updateComplete;
    expect(text(items(el)[0]!.querySelector('.number'))).to.contain('50/2025/QH15');
  });

  it('searches what people type without diacritics, after a pause or on Enter', async () => {
    stub = stubFetch((url) => ({ body: url.searchParams.get('q') ? page(40, 1) : page(1, 5) }));
    const el = await fixture<PbgdplLatestLaws>(html`<pbgdpl-latest-laws api=${API} show-search></pbgdpl-latest-laws>`);
    await ready(el, 5);
    const input = shadow(el).querySelector('input')!;
    expect(shadow(el).querySelector(`label[for=${input.id}]`)).to.exist;
    input.value = 'dat dai';
    input.dispatchEvent(new InputEvent('input'));
    await ready(el, 1);
    expect(stub.calls.at(-1)!.searchParams.get('q')).to.equal('dat dai');
    await waitUntil(() => text(shadow(el).querySelector('p[role=status]')).includes('1 văn bản'), 'result announced');
    input.value = 'khong co';
    stub.restore();
    stub = stubFetch(() => ({ body: { items: [], nextCursor: null } }));
    (shadow(el).querySelector('form') as HTMLFormElement).requestSubmit();
    await waitUntil(() => text(shadow(el).querySelector('.empty')).includes('khong co'));
    expect(stub.calls).to.have.length(1);
  });

  it('"Xem thêm" adds the next page and disappears on the last one', async () => {
    stub = stubFetch((url) => (url.searchParams.get('cursor') === 'p2' ? { body: page(3, 2) } : { body: page(1, 2, 'p2') }));
    const el = await fixture<PbgdplLatestLaws>(html`<pbgdpl-latest-laws api=${API} limit="2"></pbgdpl-latest-laws>`);
    await ready(el, 2);
    const more = shadow(el).querySelector<HTMLButtonElement>('[part=more]')!;
    expect(text(more)).to.equal('Xem thêm');
    more.click();
    await ready(el, 4);
    expect(shadow(el).querySelector('[part=more]')).to.equal(null);
    expect(stub.calls.at(-1)!.searchParams.get('cursor')).to.equal('p2');
  });

  it('speaks English when asked', async () => {
    stub = stubFetch(() => ({ body: page(1, 1, 'x') }));
    const el = await fixture<PbgdplLatestLaws>(html`<pbgdpl-latest-laws api=${API} lang="en" show-search></pbgdpl-latest-laws>`);
    await ready(el, 1);
    expect(stub.calls[0]!.searchParams.get('lang')).to.equal('en');
    expect(text(shadow(el).querySelector('[role=heading]'))).to.equal('New legal documents');
    expect(text(shadow(el).querySelector('[part=more]'))).to.equal('Show more');
    expect(shadow(el).querySelector('.base')!.getAttribute('lang')).to.equal('en');
  });

  it('stays Vietnamese on a page that declares lang="en-US"', async () => {
    stub = stubFetch(() => ({ body: page(1, 1) }));
    const wrap = await fixture(html`<div lang="en-US"><pbgdpl-latest-laws api=${API}></pbgdpl-latest-laws></div>`);
    const el = wrap.firstElementChild as PbgdplLatestLaws;
    await ready(el, 1);
    expect(text(shadow(el).querySelector('[role=heading]'))).to.equal('Văn bản pháp luật mới');
  });

  it('fires pbgdpl-loaded, bubbling out of the shadow root', async () => {
    stub = stubFetch(() => ({ body: page(1, 3) }));
    const wrap = await fixture(html`<div></div>`);
    const event = oneEvent(wrap, 'pbgdpl-loaded');
    wrap.innerHTML = `<pbgdpl-latest-laws api="${API}" limit="3"></pbgdpl-latest-laws>`;
    const e = (await event) as CustomEvent<{ count: number }>;
    expect(e.detail.count).to.equal(3);
    expect(e.composed).to.equal(true);
  });

  it('keeps host page CSS out', async () => {
    stub = stubFetch(() => ({ body: page(1, 1) }));
    const wrap = await fixture(html`<div style="letter-spacing: 7px; text-transform: uppercase; font-style: italic; color: rgb(255, 0, 0); text-align: center">
      <pbgdpl-latest-laws api=${API}></pbgdpl-latest-laws>
    </div>`);
    const style = document.createElement('style');
    style.textContent = 'a, li, ul, button { color: rgb(0, 255, 0) !important; font-size: 40px !important; }';
    document.head.append(style);
    const el = wrap.querySelector('pbgdpl-latest-laws')!;
    await ready(el, 1);
    const link = items(el)[0]!.querySelector('a')!;
    const cs = getComputedStyle(link);
    expect(cs.letterSpacing).to.equal('normal');
    expect(cs.textTransform).to.equal('none');
    expect(cs.fontStyle).to.equal('normal');
    expect(cs.color).to.not.equal('rgb(0, 255, 0)');
    expect(cs.fontSize).to.not.equal('40px');
    style.remove();
  });

  it('inherits the host font and takes theme tokens', async () => {
    stub = stubFetch(() => ({ body: page(1, 1) }));
    const wrap = await fixture(html`<div style="font-family: Georgia, serif; font-size: 20px; --pbgdpl-accent: rgb(0, 102, 51); --pbgdpl-radius: 0px">
      <pbgdpl-latest-laws api=${API}></pbgdpl-latest-laws>
    </div>`);
    const el = wrap.querySelector('pbgdpl-latest-laws')!;
    await ready(el, 1);
    const base = shadow(el).querySelector('.base')!;
    expect(getComputedStyle(base).fontFamily).to.contain('Georgia');
    expect(getComputedStyle(base).fontSize).to.equal('20px');
    expect(getComputedStyle(base).borderRadius).to.equal('0px');
    expect(getComputedStyle(items(el)[0]!.querySelector('a')!).color).to.equal('rgb(0, 102, 51)');
  });

  it('is accessible with data, and with the dark theme', async () => {
    stub = stubFetch(() => ({ body: page(1, 3, 'n') }));
    const el = await fixture<PbgdplLatestLaws>(html`<pbgdpl-latest-laws api=${API} limit="3" show-search></pbgdpl-latest-laws>`);
    await ready(el, 3);
    await expect(el).to.be.accessible();
    el.theme = 'dark';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
