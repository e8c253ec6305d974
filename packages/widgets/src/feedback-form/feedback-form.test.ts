import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import { PbgdplFeedbackForm } from './feedback-form.js';
import { ProofOfWork } from '../core/proof-of-work.js';
import type { Proof } from '../core/proof.js';
import { partsStyles } from './feedback-form.parts.styles.js';
import { law, clearWidgetStorage, setOnline, watchWarnings } from '../test-support/fixtures.js';

const API = 'https://api.example.test';
const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => root(el).querySelector<T>(sel);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const active = (el: Element) => root(el).activeElement as HTMLElement | null;

// ── The API, scripted per test ─────────────────────────────────────────────────────────────────

interface Call {
  url: URL;
  method: string;
  key: string | null;
  body: Record<string, unknown> | null;
  /** The HTTP status answered; 0 for a network error. */
  status?: number;
}
interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  networkError?: boolean;
  /** Resolves when the test lets the reply go. */
  gate?: Promise<void>;
}

/** Replaces fetch; records method, Idempotency-Key and body of every request. */
function stubApi(respond: (call: Call) => Reply) {
  const original = window.fetch;
  const calls: Call[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const call: Call = {
      url: new URL(input instanceof Request ? input.url : String(input), location.href),
      method: (init?.method ?? 'GET').toUpperCase(),
      key: headers.get('Idempotency-Key'),
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : null,
    };
    calls.push(call);
    const r = respond(call);
    await (r.gate ?? Promise.resolve());
    call.status = r.networkError ? 0 : (r.status ?? 200);
    if (r.networkError) throw new TypeError('Failed to fetch');
    const status = r.status ?? 200;
    return new Response(JSON.stringify(r.body ?? {}), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...r.headers },
    });
  };
  return {
    calls,
    posts: () => calls.filter((c) => c.method === 'POST'),
    restore: () => (window.fetch = original),
  };
}

const receipt = (id = 'f-1') => ({ status: 201, body: { id, receivedAt: '2026-01-05T08:00:00.000Z' } });
const lawDetail = {
  ...law(91),
  number: '91/2025/QH15',
  abstract: 'Bảo vệ dữ liệu cá nhân',
  normative: true,
  signer: null,
  expiresOn: null,
  relations: [],
  updatedAt: '2026-01-01',
};

// ── The proof of work: ProofOfWork's create() seam returns this fake ────────────────────────────

class FakeProof implements Proof {
  payloads = 0;
  async payload() {
    return `proof-${++this.payloads}`;
  }
  next() {}
}
const real = { create: ProofOfWork.create, prefetch: ProofOfWork.prefetch };

// ── Filling the form as a citizen does ──────────────────────────────────────────────────────────

/** The first touch opens the form; the rest of it is a lazy chunk. */
async function open(el: PbgdplFeedbackForm) {
  $<HTMLInputElement>(el, '#rating-1')!.focus();
  await waitUntil(() => $(el, '#message'), 'the rest of the form');
}

async function type(el: PbgdplFeedbackForm, sel: string, value: string) {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(el, sel)!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function fill(el: PbgdplFeedbackForm, v: { rating?: number; message?: string; contact?: string; consent?: boolean; contactConsent?: boolean }) {
  await open(el);
  if (v.rating) $<HTMLInputElement>(el, `#rating-${v.rating}`)!.click();
  if (v.message !== undefined) await type(el, '#message', v.message);
  if (v.contact !== undefined) await type(el, '#contact', v.contact);
  if (v.consent) $<HTMLInputElement>(el, '#consent')!.click();
  if (v.contactConsent) $<HTMLInputElement>(el, '#contact-consent')!.click();
  await el.updateComplete;
}

const submit = async (el: PbgdplFeedbackForm) => {
  const button = $<HTMLButtonElement>(el, 'button[type=submit]')!;
  button.focus();
  button.click();
  await el.updateComplete;
};

const thanked = (el: PbgdplFeedbackForm) => waitUntil(() => text($(el, '#thanks')) === 'Cảm ơn bạn đã góp ý.', 'the thanks', { timeout: 4000 });

describe('pbgdpl-feedback-form', () => {
  let api: ReturnType<typeof stubApi> | undefined;
  let warnings: ReturnType<typeof watchWarnings>;
  let restoreOnline: (() => void) | undefined;
  let proof: FakeProof;
  let proofLoads: number;
  let proofCodeFetched: number;

  beforeEach(() => {
    clearWidgetStorage();
    warnings = watchWarnings();
    proof = new FakeProof();
    proofLoads = 0;
    proofCodeFetched = 0;
    ProofOfWork.create = async () => (proofLoads++, proof);
    ProofOfWork.prefetch = async () => void proofCodeFetched++;
  });
  afterEach(() => {
    api?.restore();
    api = undefined;
    restoreOnline?.();
    restoreOnline = undefined;
    Object.assign(ProofOfWork, real);
    clearWidgetStorage();
    warnings.check();
  });

  describe('kinds', () => {
    it('page: asks how satisfied the citizen is with this page, with nothing fetched and no proof before they interact', async () => {
      api = stubApi(() => receipt());
      const el = await fixture<PbgdplFeedbackForm>(html`<pbgdpl-feedback-form api=${API} site="demo"></pbgdpl-feedback-form>`);
      expect(text($(el, '[role=heading]'))).to.equal('Góp ý, phản hồi');
      expect(text($(el, 'legend'))).to.equal('Bạn có hài lòng với nội dung trang này không?');
      const labels = [...root(el).querySelectorAll('.option')].map((l) => text(l));
      expect(labels).to.deep.equal(['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng']);
      // Real radio inputs, one group, each labelled by its words.
      const radios = [...root(el).querySelectorAll<HTMLInputElement>('input[type=radio]')];
      expect(radios.map((r) => r.name)).to.deep.equal(Array(5).fill('rating'));
      expect(radios.every((r) => r.closest('label') && r.closest('fieldset'))).to.equal(true);
      expect($(el, 'textarea')).to.equal(null);
      expect(api.calls).to.have.length(0);
      expect(proofLoads).to.equal(0);
      await expect(el).to.be.accessible();

      await open(el);
      expect($(el, 'textarea#message')).to.exist;
      expect(text($(el, 'label[for=message]'))).to.equal('Ý kiến của bạn (không bắt buộc)');
      expect($(el, '.subject')).to.equal(null);
      await waitUntil(() => proofLoads === 1, 'the proof of work starts on the first interaction');
      expect(api.calls).to.have.length(0); // page feedback fetches nothing
      await expect(el).to.be.accessible();
    });

    it('has the same height before interaction at every width (15em and up) and kind, the one docs/embedding.md gives', async () => {
      // Measured in Arial's metrics (Liberation Sans on Linux), the font of most government sites;
      // docs/embedding.md says what a wider font adds.
      for (const size of [16, 20]) {
        const wrap = await fixture(html`<div style="font-family: Arial, 'Liberation Sans', sans-serif; font-size: ${size}px">
          <div style="width: 15em"><pbgdpl-feedback-form api=${API}></pbgdpl-feedback-form></div>
          <div style="width: 56em"><pbgdpl-feedback-form api=${API} kind="document" document="91-2025-qh15"></pbgdpl-feedback-form></div>
          <div style="width: 20em"><pbgdpl-feedback-form api=${API} kind="draft" document="du-thao-1" lang="en"></pbgdpl-feedback-form></div>
          <div style="width: 15em"><pbgdpl-feedback-form api=${API} lang="en"></pbgdpl-feedback-form></div>
          <div style="width: 20em"><pbgdpl-feedback-form api=${API} kind="document" document="91-2025-qh15"></pbgdpl-feedback-form></div>
        </div>`);
        const forms = [...wrap.querySelectorAll('pbgdpl-feedback-form')];
        await Promise.all(forms.map((f) => f.updateComplete));
        // docs/embedding.md: calc(7.075em + 222px).
        for (const f of forms) expect(f.getBoundingClientRect().height).to.be.closeTo(7.075 * size + 222, 0.5);
      }
    });

    it('document: names the document, fetched when the form opens, and sends its id', async () => {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      api = stubApi((c) => (c.method === 'GET' ? { body: lawDetail, gate } : receipt()));
      const el = await fixture<PbgdplFeedbackForm>(
        html`<pbgdpl-feedback-form api=${API} site="demo" kind="document" document="91-2025-qh15"></pbgdpl-feedback-form>`,
      );
      expect(text($(el, '[role=heading]'))).to.equal('Phản ánh, kiến nghị về văn bản');
      expect(text($(el, 'legend'))).to.equal('Bạn có hài lòng với văn bản này không?');
      expect(api.calls).to.have.length(0); // lazily: nothing at load
      await open(el);
      expect(text($(el, '.subject'))).to.contain('Đang tải thông tin văn bản');
      release();
      await waitUntil(() => text($(el, '.subject')).includes('91/2025/QH15'), 'document named');
      expect(text($(el, '.subject'))).to.equal('Văn bản: Luật 91/2025/QH15 — Bảo vệ dữ liệu cá nhân');
      const get = api.calls[0]!;
      expect(get.url.origin + get.url.pathname).to.equal(`${API}/api/v1/laws/91-2025-qh15`);
      expect(get.url.searchParams.get('lang')).to.equal('vi');
      expect(text($(el, 'label[for=message]'))).to.equal('Nội dung phản ánh, kiến nghị (không bắt buộc)');
      await expect(el).to.be.accessible();
      await fill(el, { rating: 2, message: 'Điều 5 khó hiểu', consent: true });
      await submit(el);
      await thanked(el);
      expect(api.posts()[0]!.body).to.include({ kind: 'document', document: '91-2025-qh15', rating: 2, message: 'Điều 5 khó hiểu' });
    });

    it('document: still sends when the document cannot be loaded', async () => {
      api = stubApi((c) => (c.method === 'GET' ? { status: 404, body: { status: 404, detail: 'no legal document' } } : receipt()));
      const el = await fixture<PbgdplFeedbackForm>(
        html`<pbgdpl-feedback-form api=${API} site="demo" kind="document" document="khong-co"></pbgdpl-feedback-form>`,
      );
      await open(el);
      await waitUntil(() => text($(el, '.subject')).includes('Không tải được'), 'subject error', { timeout: 4000 });
      expect(warnings.kit.join()).to.contain('no legal document');
      await fill(el, { rating: 3, consent: true });
      await submit(el);
      await thanked(el);
    });

    it('draft: a comment on a draft', async () => {
      api = stubApi((c) => (c.method === 'GET' ? { body: { ...lawDetail, number: 'Dự thảo', abstract: 'Luật sửa đổi Luật Đất đai' } } : receipt()));
      const el = await fixture<PbgdplFeedbackForm>(
        html`<pbgdpl-feedback-form api=${API} site="demo" kind="draft" document="du-thao-dat-dai"></pbgdpl-feedback-form>`,
      );
      expect(text($(el, '[role=heading]'))).to.equal('Góp ý dự thảo văn bản');
      expect(text($(el, 'legend'))).to.equal('Bạn có hài lòng với dự thảo này không?');
      await open(el);
      expect(text($(el, 'label[for=message]'))).to.equal('Nội dung góp ý (không bắt buộc)');
      await waitUntil(() => text($(el, '.subject')).startsWith('Dự thảo: '), 'draft named');
      await fill(el, { rating: 4, message: 'Nên quy định rõ thời hạn.', consent: true });
      await submit(el);
      await thanked(el);
      expect(api.posts()[0]!.body).to.include({ kind: 'draft', document: 'du-thao-dat-dai' });
    });

    it('document without a document attribute: page feedback only, and the webmaster is told', async () => {
      api = stubApi(() => receipt());
      const el = await fixture<PbgdplFeedbackForm>(html`<pbgdpl-feedback-form api=${API} site="demo" kind="document"></pbgdpl-feedback-form>`);
      expect(text($(el, '[role=heading]'))).to.equal('Góp ý, phản hồi');
      expect(warnings.kit.join()).to.contain('document attribute');
      await fill(el, { rating: 5, consent: true });
      await submit(el);
      await thanked(el);
      const body = api.posts()[0]!.body!;
      expect(body.kind).to.equal('page');
      expect('document' in body).to.equal(false);
      expect(api.calls.filter((c) => c.method === 'GET')).to.have.length(0);
    });
  });

  it('rating by keyboard only: Tab into the group, arrows choose, as native radios do', async () => {
    api = stubApi(() => receipt());
    const wrap = await fixture(html`<div><button id="before">before</button><pbgdpl-feedback-form api=${API} site="demo"></pbgdpl-feedback-form></div>`);
    const el = wrap.querySelector('pbgdpl-feedback-form')!;
    wrap.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('rating-1');
    await waitUntil(() => $(el, '#message'), 'the form opens on focus');
    expect($<HTMLInputElement>(el, '#rating-1')!.checked).to.equal(false); // focus alone chooses nothing
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(active(el)?.id).to.equal('rating-4');
    expect($<HTMLInputElement>(el, '#rating-4')!.checked).to.equal(true);
    await sendKeys({ press: 'ArrowUp' });
    expect($<HTMLInputElement>(el, '#rating-3')!.checked).to.equal(true);
    await sendKeys({ press: 'ArrowDown' });
    // One Tab leaves the group for the message; then on through the form to the button.
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('message');
    await sendKeys({ type: 'Trang rất hữu ích' });
    await sendKeys({ press: 'Tab' }); // contact
    expect(active(el)?.id).to.equal('contact');
    await sendKeys({ press: 'Tab' }); // required consent
    expect(active(el)?.id).to.equal('consent');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' }); // contact consent
    await sendKeys({ press: 'Tab' }); // the honeypot is skipped: straight to the button
    expect(active(el)?.getAttribute('part')).to.equal('submit');
    await sendKeys({ press: 'Enter' });
    await thanked(el);
    expect(active(el)?.id).to.equal('thanks');
    expect(api.posts()[0]!.body).to.include({ rating: 4, message: 'Trang rất hữu ích' });
  });

  it('validation: the error summary takes focus, fields are aria-invalid and described by their messages', async () => {
    api = stubApi(() => receipt());
    const el = await fixture<PbgdplFeedbackForm>(html`<pbgdpl-feedback-form api=${API} site="demo"></pbgdpl-feedback-form>`);
    await fill(el, { message: 'x'.repeat(3001), contact: 'khong-phai-email' });
    await submit(el);
    expect(active(el)?.id).to.equal('summary');
    const items = [...root(el).querySelectorAll('#summary li')].map((li) => text(li));
    expect(items).to.deep.equal([
      'Vui lòng chọn mức độ hài lòng.',
      'Nội dung không được dài quá 3.000 ký tự.',
      'Nhập thư điện tử (ví dụ ten@example.com) hoặc số điện thoại Việt Nam (ví dụ 0912 345 678).',
      'Vui lòng đánh dấu ô đồng ý để gửi ý kiến.',
      'Bạn đã để lại thông tin liên hệ: vui lòng đánh dấu ô đồng ý cho việc trả lời, hoặc xóa thông tin liên hệ.',
    ]);
    expect($(el, '#summary [role=alert]')).to.exist;
    expect(text($(el, '#message-count'))).to.equal('Vượt quá 1 ký tự');
    for (const id of ['rating-1', 'rating-5', 'message', 'contact', 'consent', 'contact-consent']) {
      const field = $(el, `#${id}`)!;
      expect(field.getAttribute('aria-invalid'), id).to.equal('true');
    }
    // Every field's description points at an element that exists and holds its message.
    for (const [id, error] of [
      ['message', 'message-error'],
      ['contact', 'contact-error'],
      ['consent', 'consent-error'],
      ['contact-consent', 'contact-consent-error'],
    ]) {
      expect($(el, `#${id}`)!.getAttribute('aria-describedby')!.split(' '), id).to.include(error);
      expect(text($(el, `#${error}`))).to.not.equal('');
    }
    expect($(el, 'fieldset.rating')!.getAttribute('aria-describedby')).to.equal('rating-error');
    expect(api.posts()).to.have.length(0);
    await expect(el).to.be.accessible();
    // A link in the summary takes the citizen to the field.
    root(el).querySelectorAll<HTMLAnchorElement>('#summary a')[2]!.click();
    expect(active(el)?.id).to.equal('contact');
    expect(location.hash).to.equal('');
    // Fixed: the errors go, and it sends.
    await type(el, '#message', 'Ngắn gọn');
    await type(el, '#contact', '');
    $<HTMLInputElement>(el, '#rating-2')!.click();
    $<HTMLInputElement>(el, '#consent')!.click();
    await submit(el);
    await thanked(el);
    expect(api.posts()).to.have.length(1);
  });

  it('a contact needs its own consent; with it, both purposes are sent and the contact is trimmed', async () => {
    api = stubApi(() => receipt());
    const el = await fixture<PbgdplFeedbackForm>(html`<pbgdpl-feedback-form api=${API} site="demo"></pbgdpl-feedback-form>`);
    // A consent to be contacted without a contact is not sent: that purpose does not apply.
    await fill(el, { rating: 4, consent: true, contactConsent: true });
    await submit(el);
    await thanked(el);
    expect(api.posts()[0]!.body!.consents).to.deep.equal(['xu-ly-gop-y']);
    expect('contact' in api.posts()[0]!.body!).to.equal(false);
    $<HTMLButtonElement>(el, '[part=another]')!.click();
    await el.updateComplete;

    await fill(el, { rating: 4, contact: ' 0912 345 678 ', consent: true });
    await submit(el);
    expect(root(el).querySelectorAll('.error')).to.have.length(1);
    expect(text($(el, '#contact-consent-error'))).to.contain('vui lòng đánh dấu ô đồng ý cho việc trả lời');
    expect($(el, '#consent')!.getAttribute('aria-invalid')).to.equal('false');
    $<HTMLInputElement>(el, '#contact-consent')!.click();
    await submit(el);
    await thanked(el);
    const body = api.posts()[1]!.body!;
    expect(body.contact).to.equal('0912 345 678');
    expect(body.consents).to.deep.equal(['xu-ly-gop-y', 'lien-he-phan-hoi']);
    expect(text($(el, '.done'))).to.contain('trả lời qua thông tin liên hệ');
  });

  it('sending → sent: what is sent, the busy button, focus to the thanks, the event, and "Gửi góp ý khác"', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    api = stubApi(() => ({ ...receipt('f-42'), gate }));
    history.replaceState(null, '', `${location.pathname}${location.search}#muc-3`);
    const el = await fixture<PbgdplFeedbackForm>(html`<pbgdpl-feedback-form api=${API} site="demo"></pbgdpl-feedback-form>`);
    await fill(el, { rating: 5, message: '  Rất rõ ràng.  ', consent: true });
    const sent = oneEvent(el, 'pbgdpl-feedback-sent');
    await submit(el);
    await waitUntil(() => api!.posts().length === 1, 'posted');
    await el.updateComplete;
    const button = $(el, 'button[type=submit]')!;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(text(button)).to.equal('Đang gửi…');
    expect(text($(el, '[role=status]'))).to.equal('Đang gửi ý kiến…');
    await expect(el).to.be.accessible();
    button.click(); // a second press while sending sends nothing more
    release();
    const event = (await sent) as CustomEvent<{ id: string }>;
    expect(event.detail).to.deep.equal({ id: 'f-42' });
    expect(event.composed && event.bubbles).to.equal(true);
    await thanked(el);
    expect(active(el)?.id).to.equal('thanks');
    await expect(el).to.be.accessible();
    history.replaceState(null, '', `${location.pathname}${location.search}`);

    const [post] = api.posts();
    expect(api.posts()).to.have.length(1);
    expect(post!.url.href).to.equal(`${API}/api/v1/feedback`);
    expect(post!.key).to.match(/^[0-9a-f-]{36}$/);
    expect(post!.body).to.deep.equal({
      site: 'demo',
      kind: 'page',
      rating: 5,
      message: 'Rất rõ ràng.',
      consents: ['xu-ly-gop-y'],
      noticeVersion: 'gop-y-2026-01',
      website: '',
      pageUrl: location.href.split('#')[0],
      altcha: 'proof-1',
    });

    $<HTMLButtonElement>(el, '[part=another]')!.click();
    await el.updateComplete;
    expect(active(el)?.id).to.equal('rating-1');
    expect($<HTMLInputElement>(el, '#rating-5')!.checked).to.equal(false);
    expect($<HTMLTextAreaElement>(el, '#message')!.value).to.equal('');
  });

  it('offline: queued on the device, then sent when the network is back, with the same Idempotency-Key and one successful POST', async () => {
    let online = false;
    api = stubApi(() => (online ? receipt('f-7') : { networkError: true }));
    const el = await fixture<PbgdplFeedbackForm>(html`<pbgdpl-feedback-form api=${API} site="demo"></pbgdpl-feedback-form>`);
    await fill(el, { rating: 2, message: 'Gửi khi mất mạng', consent: true });
    restoreOnline = setOnline(false);
    await submit(el);
    await waitUntil(() => $(el, '#queued'), 'queued notice');
    expect(text($(el, '#queued'))).to.contain('sẽ tự gửi khi có mạng trở lại');
    expect(active(el)?.id).to.equal('queued');
    expect(JSON.parse(localStorage.getItem('pbgdpl:outbox:v1')!)).to.have.length(1);
    await expect(el).to.be.accessible();

    online = true;
    restoreOnline();
    restoreOnline = setOnline(true);
    await thanked(el);
    expect(active(el)?.id).to.equal('thanks');
    const posts = api.posts();
    expect(posts.length).to.be.greaterThan(1);
    expect(new Set(posts.map((p) => p.key)).size).to.equal(1);
    expect(posts.filter((p) => p.status === 201)).to.have.length(1);
    expect(posts.at(-1)!.body).to.include({ message: 'Gửi khi mất mạng', rating: 2 });
    expect(localStorage.getItem('pbgdpl:outbox:v1')).to.equal(null);
  });

  it('offline from the first visit, the form never opened online: it opens, the feedback waits and arrives once, its proof solved when the network is back', async () => {
    // No network before the widget even loads its parts: the browser says so and every request fails.
    restoreOnline = setOnline(false);
    let online = false;
    api = stubApi(() => (online ? receipt('f-offline') : { networkError: true }));
    // The real solver needs a challenge from the API: offline it cannot finish.
    let solved = 0;
    ProofOfWork.create = async () => {
      proofLoads++;
      return { payload: async () => (online ? `solved-${++solved}` : Promise.reject(new TypeError('Failed to fetch'))), next() {} };
    };
    const el = await fixture<PbgdplFeedbackForm>(html`<pbgdpl-feedback-form api=${API} site="demo"></pbgdpl-feedback-form>`);
    // Fetched ahead once the page is idle, before anyone touches the form.
    await waitUntil(
      () => proofCodeFetched === 1 && root(el).adoptedStyleSheets.includes(partsStyles.styleSheet!),
      'the rest of the form and the solver fetched ahead',
      { timeout: 5000 },
    );
    expect(proofLoads).to.equal(0);
    await fill(el, { rating: 4, message: 'Gửi khi chưa từng có mạng', consent: true });
    expect(text($(el, '.base'))).to.not.contain('Nội dung sẽ hiện khi có mạng trở lại');
    expect($(el, '[role=alert]')).to.equal(null);
    await submit(el);
    await waitUntil(() => $(el, '#queued'), 'queued notice', { timeout: 4000 });
    expect(text($(el, '#queued'))).to.equal('Chưa có kết nối mạng. Ý kiến của bạn đã được lưu trên thiết bị này và sẽ tự gửi khi có mạng trở lại.');
    expect(text($(el, '.base'))).to.not.contain('Nội dung sẽ hiện khi có mạng trở lại');
    expect(api.posts()).to.have.length(0); // no proof, no POST: it waits
    await expect(el).to.be.accessible();

    online = true;
    restoreOnline();
    restoreOnline = setOnline(true);
    await thanked(el);
    const posts = api.posts();
    expect(posts.filter((p) => p.status === 201)).to.have.length(1);
    expect(posts.at(-1)!.body).to.include({ rating: 4, message: 'Gửi khi chưa từng có mạng', altcha: 'solved-1' });
    expect(localStorage.getItem('pbgdpl:outbox:v1')).to.equal(null);
  });

  it('sends what an earlier visit left waiting, as soon as it connects', async () => {
    const entry = {
      id: 'k-earlier-visit-1',
      kind: 'feedback',
      url: `${API}/api/v1/feedback`,
      createdAt: Date.now(),
      body: { site: 'demo', kind: 'page', rating: 4, message: 'Từ lần trước', consents: ['xu-ly-gop-y'], noticeVersion: 'gop-y-2026-01' },
    };
    localStorage.setItem('pbgdpl:outbox:v1', JSON.stringify([entry]));
    api = stubApi(() => receipt());
    const el = await fixture<PbgdplFeedbackForm>(html`<pbgdpl-feedback-form api=${API} site="demo"></pbgdpl-feedback-form>`);
    await waitUntil(() => $(el, '#thanks'), 'sent');
    expect(api.posts()[0]!.key).to.equal('k-earlier-visit-1');
    // Focus was elsewhere: it is announced, not moved.
    expect(active(el)).to.equal(null);
    expect(text($(el, '[role=status]'))).to.equal('Cảm ơn bạn đã góp ý.');
  });

  it('rate-limited: says how long to wait, and keeps what was written', async () => {
    api = stubApi(() => ({ status: 429, body: { status: 429, detail: 'too many submissions; try again in 120 seconds' }, headers: { 'Retry-After': '120' } }));
    const el = await fixture<PbgdplFeedbackForm>(html`<pbgdpl-feedback-form api=${API} site="demo"></pbgdpl-feedback-form>`);
    await fill(el, { rating: 1, message: 'Lần thứ sáu', consent: true });
    await submit(el);
    await waitUntil(() => $(el, '[part=notice][role=alert]'), 'rate-limit notice');
    expect(text($(el, '[part=notice]'))).to.equal('Bạn đã gửi nhiều lần trong thời gian ngắn. Vui lòng thử lại sau 2 phút.');
    expect($<HTMLTextAreaElement>(el, '#message')!.value).to.equal('Lần thứ sáu');
    expect(localStorage.getItem('pbgdpl:outbox:v1')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it("maps the server's field errors onto the fields, in Vietnamese", async () => {
    api = stubApi(() => ({
      status: 400,
      body: {
        status: 400,
        detail: 'contact: must be an e-mail address; consents: tick "contact me"',
        errors: [
          { path: 'contact', code: 'invalid_union', message: 'must be an e-mail address such as ten@example.com' },
          { path: 'consents', code: 'consent_required', message: 'tick "contact me" to leave a contact, or leave it empty' },
          { path: 'document', code: 'unknown_value', message: 'no legal document "x"' },
        ],
      },
    }));
    const el = await fixture<PbgdplFeedbackForm>(html`<pbgdpl-feedback-form api=${API} site="demo"></pbgdpl-feedback-form>`);
    await fill(el, { rating: 3, contact: 'ten@example.com', consent: true, contactConsent: true });
    await submit(el);
    await waitUntil(() => active(el)?.id === 'summary', 'summary focused');
    expect($(el, '#contact')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#contact-consent')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#consent')!.getAttribute('aria-invalid')).to.equal('false');
    const summary = text($(el, '#summary'));
    expect(summary).to.contain('Nhập thư điện tử');
    expect(summary).to.contain('Không tìm thấy văn bản được góp ý');
    expect(summary).to.not.contain('must be'); // the developers' English stays out
    await expect(el).to.be.accessible();
  });

  it('failed: "Thử lại" sends again; a 403 says the site is not registered', async () => {
    let status = 422;
    api = stubApi(() => (status === 201 ? receipt() : { status, body: { status, detail: 'nope' } }));
    const el = await fixture<PbgdplFeedbackForm>(html`<pbgdpl-feedback-form api=${API} site="demo"></pbgdpl-feedback-form>`);
    await fill(el, { rating: 3, consent: true });
    await submit(el);
    await waitUntil(() => $(el, '[part=notice][role=alert]'), 'failure notice');
    expect(text($(el, '[part=notice]'))).to.contain('Không gửi được ý kiến. Vui lòng thử lại.');
    await expect(el).to.be.accessible();
    status = 201;
    $<HTMLButtonElement>(el, '[part=notice] button')!.click();
    await thanked(el);
    expect(api.posts()).to.have.length(2);
    expect(api.posts()[0]!.key).to.not.equal(api.posts()[1]!.key); // a new submission, not a resend

    $<HTMLButtonElement>(el, '[part=another]')!.click();
    await el.updateComplete;
    status = 403;
    await fill(el, { rating: 3, consent: true });
    await submit(el);
    await waitUntil(() => $(el, '[part=notice][role=alert]'), 'forbidden notice');
    expect(text($(el, '[part=notice]'))).to.contain('chưa được đăng ký');
    expect($(el, '[part=notice] button')).to.equal(null);
  });

  it('an origin the API does not accept writes from (CORS): a clear error, not "offline" forever', async () => {
    // The browser refuses the POST (no CORS answer) while GETs work: what a page on an unregistered origin sees.
    api = stubApi((c) => (c.method === 'POST' ? { networkError: true } : { status: 404, body: {} }));
    const el = await fixture<PbgdplFeedbackForm>(html`<pbgdpl-feedback-form api=${API} site="demo"></pbgdpl-feedback-form>`);
    await fill(el, { rating: 3, consent: true });
    await submit(el);
    await waitUntil(() => text($(el, '[part=notice][role=alert]')).includes('chưa được đăng ký'), 'forbidden notice', { timeout: 6000 });
    expect(api.posts()).to.have.length(2); // tried twice before deciding
    expect(localStorage.getItem('pbgdpl:outbox:v1')).to.equal(null);
    expect($<HTMLInputElement>(el, '#rating-3')!.checked).to.equal(true);
  });

  it('speaks English when asked', async () => {
    api = stubApi(() => receipt());
    const el = await fixture<PbgdplFeedbackForm>(html`<pbgdpl-feedback-form api=${API} site="demo" lang="en"></pbgdpl-feedback-form>`);
    expect(text($(el, '[role=heading]'))).to.equal('Feedback');
    expect(text($(el, 'legend'))).to.equal('Are you satisfied with the content of this page?');
    expect(text($(el, '.option'))).to.equal('Very dissatisfied');
    await open(el);
    await submit(el);
    expect(text($(el, '#summary li'))).to.equal('Choose how satisfied you are.');
    expect(text($(el, '#message-count'))).to.equal('3,000 characters left');
    expect($(el, '.base')!.getAttribute('lang')).to.equal('en');
    $<HTMLInputElement>(el, '#rating-4')!.click();
    $<HTMLInputElement>(el, '#consent')!.click();
    await submit(el);
    await waitUntil(() => text($(el, '#thanks')) === 'Thank you for your feedback.');
    expect(text($(el, '[part=another]'))).to.equal('Send more comments');
    await expect(el).to.be.accessible();
  });

  it("the open form's stylesheet, added when it loads, keeps the rules core/styles.test.ts checks", async () => {
    const el = await fixture<PbgdplFeedbackForm>(html`<pbgdpl-feedback-form api=${API}></pbgdpl-feedback-form>`);
    await open(el);
    expect(root(el).adoptedStyleSheets).to.include(partsStyles.styleSheet);
    const css = [...[PbgdplFeedbackForm.styles].flat(2), partsStyles].map((s) => (s as { cssText: string }).cssText).join('\n');
    expect(css.match(/[\d.]rem\b/g) ?? []).to.deep.equal([]);
    const declared = new Set([...css.matchAll(/(--_[\w-]+)\s*:/g)].map((m) => m[1]));
    expect([...css.matchAll(/var\((--_[\w-]+)/g)].map((m) => m[1]).filter((v) => !declared.has(v))).to.deep.equal([]);
    const tokens = new Set([...css.matchAll(/var\((--pbgdpl-[\w-]+)/g)].map((m) => m[1]));
    expect([...tokens].every((v) => /^--pbgdpl-(font|accent|on-accent|radius|surface|text|muted|border|focus)$/.test(v!))).to.equal(true);
  });

  it('keeps host page CSS out, takes the theme tokens, and is accessible in the dark theme', async () => {
    const wrap =
      await fixture(html`<div style="letter-spacing: 7px; text-transform: uppercase; font-style: italic; color: rgb(255, 0, 0); font-family: Georgia, serif; --pbgdpl-accent: rgb(0, 102, 51)">
      <pbgdpl-feedback-form api=${API} site="demo"></pbgdpl-feedback-form>
    </div>`);
    const style = document.createElement('style');
    style.textContent =
      'label, input, textarea, button, legend, fieldset { color: rgb(0, 255, 0) !important; font-size: 40px !important; display: none !important; }';
    document.head.append(style);
    const el = wrap.querySelector('pbgdpl-feedback-form')!;
    await open(el);
    for (const sel of ['.option', 'textarea', 'button[type=submit]', 'legend']) {
      const cs = getComputedStyle($(el, sel)!);
      expect(cs.letterSpacing, sel).to.equal('normal');
      expect(cs.textTransform, sel).to.equal('none');
      expect(cs.fontStyle, sel).to.equal('normal');
      expect(cs.color, sel).to.not.equal('rgb(0, 255, 0)');
      expect(cs.fontSize, sel).to.not.equal('40px');
      expect(cs.display, sel).to.not.equal('none');
    }
    expect(getComputedStyle($(el, '.base')!).fontFamily).to.contain('Georgia');
    expect(getComputedStyle($(el, 'button[type=submit]')!).backgroundColor).to.equal('rgb(0, 102, 51)');
    style.remove();
    (wrap as HTMLElement).style.removeProperty('--pbgdpl-accent');
    el.setAttribute('theme', 'dark');
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
