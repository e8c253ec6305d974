/**
 * What screen readers should hear after an action ("Đã lưu văn bản", "3 kết quả"): live regions
 * in the page itself, outside every shadow root, created once and reused.
 */
function region(kind: 'status' | 'alert'): HTMLElement {
  const id = `pa-live-${kind}`;
  let el = document.getElementById(id);
  if (!el) {
    el = document.createElement('div');
    el.id = id;
    el.className = 'pa-visually-hidden';
    el.setAttribute('role', kind);
    document.body.append(el);
  }
  return el;
}

export function announce(message: string, kind: 'status' | 'alert' = 'status') {
  const el = region(kind);
  // A region must change to be read again: empty it first, fill it on the next frame.
  el.textContent = '';
  requestAnimationFrame(() => (el.textContent = message));
}
