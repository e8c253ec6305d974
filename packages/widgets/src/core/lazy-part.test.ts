import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { PbgdplElement } from './base-element.js';
import { LazyPart } from './lazy-part.js';
import { clearWidgetStorage, gate, setOnline } from '../test-support/fixtures.js';

/** A widget with one part loaded later, whose load the test controls. */
let loads = 0;
let next: () => Promise<string>;
class LazyHost extends PbgdplElement {
  readonly later: LazyPart<string> = new LazyPart(this, () => (loads++, next()));
  override render() {
    return html`<div class="base">${this.later.value ?? this.later.placeholder()}</div>`;
  }
}
customElements.define('test-lazy-host', LazyHost);
class AheadHost extends PbgdplElement {
  readonly later: LazyPart<string> = new LazyPart(this, () => (loads++, next()), true);
  override render() {
    return html`${this.later.value ?? ''}`;
  }
}
customElements.define('test-ahead-host', AheadHost);

const text = (el: Element) => el.shadowRoot!.textContent.replace(/\s+/g, ' ').trim();

describe('LazyPart', () => {
  let restoreOnline: (() => void) | undefined;
  beforeEach(() => {
    loads = 0;
    clearWidgetStorage();
  });
  afterEach(() => {
    restoreOnline?.();
    restoreOnline = undefined;
    delete (navigator as unknown as Record<string, unknown>).connection;
  });

  it('says it is loading, then shows the part; loads it once', async () => {
    const arrive = gate();
    next = () => arrive.closed.then(() => 'the form');
    const el = await fixture<LazyHost>(html`<test-lazy-host></test-lazy-host>`);
    el.later.prefetch();
    el.later.prefetch();
    await el.updateComplete;
    expect(text(el)).to.equal('Đang tải…');
    arrive.open();
    await waitUntil(() => text(el) === 'the form');
    expect(loads).to.equal(1);
  });

  it("offline, a part that could not load says so in a form's words (not the list's), and opens when the network is back", async () => {
    restoreOnline = setOnline(false);
    next = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const el = await fixture<LazyHost>(html`<test-lazy-host></test-lazy-host>`);
    el.later.prefetch();
    await waitUntil(() => el.later.failed);
    await el.updateComplete;
    expect(text(el)).to.equal('Chưa có mạng nên chưa mở được biểu mẫu. Biểu mẫu sẽ mở khi có mạng trở lại. Thử lại');
    expect(text(el)).to.not.contain('Nội dung sẽ hiện');
    next = async () => 'the form';
    restoreOnline();
    restoreOnline = setOnline(true);
    await waitUntil(() => text(el) === 'the form', 'loaded when back online');
    expect(loads).to.equal(2);
  });

  it('online, a failed load says so with "Thử lại", which loads it again', async () => {
    next = () => Promise.reject(new Error('HTTP 500'));
    const el = await fixture<LazyHost>(html`<test-lazy-host lang="en"></test-lazy-host>`);
    el.later.prefetch();
    await waitUntil(() => el.later.failed);
    await el.updateComplete;
    expect(text(el)).to.equal('Could not load the data. Please try again. Try again');
    next = async () => 'the form';
    el.shadowRoot!.querySelector('button')!.click();
    await waitUntil(() => text(el) === 'the form');
  });

  it('`ahead`: fetched once the page is idle, before anyone asks; not when the reader saves data', async () => {
    next = async () => 'ahead';
    const el = await fixture<AheadHost>(html`<test-ahead-host></test-ahead-host>`);
    await waitUntil(() => text(el) === 'ahead', 'fetched at idle', { timeout: 5000 });
    el.remove();
    loads = 0;
    Object.defineProperty(navigator, 'connection', { configurable: true, value: { saveData: true } });
    const saving = await fixture<AheadHost>(html`<test-ahead-host></test-ahead-host>`);
    // Not a wait for nothing: an idle callback queued after the widget's would have run by the time this one does.
    await new Promise((r) => requestIdleCallback(r, { timeout: 5000 }));
    await new Promise((r) => requestIdleCallback(r, { timeout: 5000 }));
    expect(loads).to.equal(0);
    expect(text(saving)).to.equal('');
  });
});
