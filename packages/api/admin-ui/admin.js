// The moderation page: a thin client of /api/v1/admin. Everything citizens wrote is put on the page
// as text (textContent), never as HTML, so nothing they type can run here.
const $ = (sel) => document.querySelector(sel);
const api = (path) => `/api/v1/admin${path}`;
let token = sessionStorage.getItem('pbgdpl-admin-token') ?? '';

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'on') for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
    else if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

async function call(path, init = {}) {
  const res = await fetch(api(path), {
    ...init,
    headers: { Authorization: `Bearer ${token}`, ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...(init.headers ?? {}) },
  });
  if (!res.ok) {
    const problem = await res.json().catch(() => ({}));
    throw new Error(problem.detail ?? `HTTP ${res.status}`);
  }
  return res;
}

const say = (text) => ($('#status').textContent = text);

function questionCard(q) {
  const citations = el('textarea', { id: `cit-${q.id}`, rows: '3' });
  citations.value = q.citations.map((c) => `${c.number} | ${c.article ?? ''}`).join('\n');
  const answer = el('textarea', { id: `ans-${q.id}` });
  answer.value = q.answerHtml ?? '';
  const canPublish = q.consent.purposes.includes('cong-khai-hoi-dap');
  const publish = el('input', { type: 'checkbox', id: `pub-${q.id}`, ...(canPublish ? {} : { disabled: '' }) });
  publish.checked = q.published;
  const reason = el('input', { id: `rej-${q.id}` });
  const send = async () => {
    const cites = citations.value
      .split('\n')
      .map((l) => l.split('|').map((s) => s.trim()))
      .filter(([n]) => n)
      .map(([number, article]) => ({ number, article: article || null }));
    await call(`/questions/${q.id}/answer`, { method: 'POST', body: JSON.stringify({ html: answer.value, citations: cites, publish: publish.checked }) });
    say(`Đã trả lời câu hỏi ${q.trackingCode}.`);
    await show(current);
  };
  const reject = async () => {
    await call(`/questions/${q.id}/reject`, { method: 'POST', body: JSON.stringify({ reason: reason.value }) });
    say(`Đã từ chối câu hỏi ${q.trackingCode}.`);
    await show(current);
  };
  return el(
    'article',
    { class: 'card' },
    el('h2', { text: q.title }),
    el('p', { class: 'meta', text: `${q.trackingCode} · ${q.field} · gửi ${q.createdAt.slice(0, 10)} · hạn ${q.dueOn} · trang ${q.site}` }),
    el('p', { class: 'question', text: q.content }),
    el('p', { class: 'meta', text: `Người hỏi: ${q.name ?? '(không ghi)'} · ${q.email ?? ''} ${q.phone ?? ''} · đồng ý: ${q.consent.purposes.join(', ')}` }),
    el('label', { for: answer.id, text: 'Trả lời (HTML: p, strong, em, ul, ol, li, a)' }),
    answer,
    el('label', { for: citations.id, text: 'Căn cứ: mỗi dòng "số hiệu | điều, khoản"' }),
    citations,
    el(
      'p',
      { class: 'check' },
      publish,
      el('label', { for: publish.id, text: canPublish ? 'Công khai câu hỏi và câu trả lời' : 'Người hỏi không đồng ý công khai' }),
    ),
    el('button', { type: 'button', on: { click: () => send().catch((e) => say(e.message)) }, text: 'Gửi trả lời' }),
    q.status === 'answered' ? null : el('label', { for: reason.id, text: 'Lý do từ chối' }),
    q.status === 'answered' ? null : reason,
    q.status === 'answered'
      ? null
      : el('button', { type: 'button', class: 'secondary', on: { click: () => reject().catch((e) => say(e.message)) }, text: 'Từ chối' }),
  );
}

function feedbackCard(f) {
  const reply = el('textarea', { id: `rep-${f.id}` });
  reply.value = f.reply ?? '';
  const send = async () => {
    await call(`/feedback/${f.id}/reply`, { method: 'POST', body: JSON.stringify({ reply: reply.value }) });
    say('Đã lưu phản hồi.');
    await show(current);
  };
  return el(
    'article',
    { class: 'card' },
    el('h2', { text: `${'★'.repeat(f.rating)}${'☆'.repeat(5 - f.rating)} (${f.rating}/5) · ${f.kind}${f.document ? ` · ${f.document}` : ''}` }),
    el('p', { class: 'meta', text: `${f.createdAt.slice(0, 16).replace('T', ' ')} · trang ${f.site} · ${f.pageUrl ?? ''}` }),
    el('p', { class: 'question', text: f.message || '(không có lời nhắn)' }),
    el('p', { class: 'meta', text: `Liên hệ: ${f.contact ?? '(không để lại)'}` }),
    el('label', { for: reply.id, text: 'Phản hồi' }),
    reply,
    el('button', { type: 'button', on: { click: () => send().catch((e) => say(e.message)) }, text: 'Lưu phản hồi' }),
  );
}

function sitesTable(items) {
  const row = (cells, head = false) => el('tr', {}, ...cells.map((c) => el(head ? 'th' : 'td', { text: String(c ?? '—') })));
  return el(
    'table',
    {},
    el('caption', { text: 'Các trang có module PBGDPL' }),
    row(
      [
        'Trang',
        'Loại',
        'Lần cuối thấy',
        'Lượt xem 30 ngày',
        'Lượt xem từ địa chỉ chưa đăng ký',
        'Lượt gọi dữ liệu (chưa xác thực)',
        'Câu hỏi',
        'Góp ý',
        'Mức hài lòng (%)',
      ],
      true,
    ),
    ...items.map((s) =>
      row([`${s.name} (${s.key})`, s.kind, s.lastSeen, s.views30d, s.viewsOtherOrigins30d, s.requests30d, s.questions, s.feedback, s.satisfaction]),
    ),
  );
}

let current = 'new';
async function show(view) {
  current = view;
  document.querySelectorAll('nav [data-view]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.view === view)));
  const target = $('#view');
  target.replaceChildren(el('p', { text: 'Đang tải…' }));
  if (view === 'sites') {
    const { items } = await (await call('/sites')).json();
    target.replaceChildren(sitesTable(items));
  } else if (view === 'feedback') {
    const { items } = await (await call('/feedback?limit=50')).json();
    target.replaceChildren(...(items.length ? items.map(feedbackCard) : [el('p', { text: 'Chưa có góp ý.' })]));
  } else {
    const status = view === 'new' ? 'new' : 'answered';
    const { items } = await (await call(`/questions?status=${status}&limit=50`)).json();
    target.replaceChildren(...(items.length ? items.map(questionCard) : [el('p', { text: 'Không có câu hỏi nào.' })]));
  }
}

async function download(path, name) {
  const blob = await (await call(path)).blob();
  const a = el('a', { href: URL.createObjectURL(blob), download: name });
  a.click();
  URL.revokeObjectURL(a.href);
}

async function start() {
  $('#login').hidden = true;
  $('#app').hidden = false;
  await show('new');
}

$('#login').addEventListener('submit', async (e) => {
  e.preventDefault();
  token = $('#token').value.trim();
  try {
    await call('/sites');
    sessionStorage.setItem('pbgdpl-admin-token', token);
    await start();
  } catch (err) {
    $('#login-error').textContent = `Không đăng nhập được: ${err.message}`;
  }
});
document.querySelectorAll('nav [data-view]').forEach((b) => b.addEventListener('click', () => show(b.dataset.view).catch((e) => say(e.message))));
$('#export-questions').addEventListener('click', () => download('/export/questions.csv', 'cau-hoi.csv').catch((e) => say(e.message)));
$('#export-feedback').addEventListener('click', () => download('/export/feedback.csv', 'gop-y.csv').catch((e) => say(e.message)));
$('#logout').addEventListener('click', () => {
  sessionStorage.removeItem('pbgdpl-admin-token');
  location.reload();
});
if (token) start().catch(() => sessionStorage.removeItem('pbgdpl-admin-token'));
