// Runs at document start in every frame (Playwright addInitScript), before any page script.
// Keeps everything in window.__bench; times are absolute (performance.timeOrigin + now, ms since
// the epoch) so an iframe's marks can be put on the top page's timeline.
//
// "List painted" = the first frame after the 5th item's abstract link has text in the DOM:
// a MutationObserver on the document and on every shadow root (attachShadow is wrapped, so the
// open shadow root of <pbgdpl-latest-laws> is observed from its creation) notices the moment
// `li.item a.abstract` has 5 matches with text; the next requestAnimationFrame callback then
// posts a MessageChannel message, and the time that message is delivered is the mark: the
// rendering steps (style, layout, paint) of that frame run between the two, so the list is in
// the frame the main thread has just handed to the compositor.
export function instrument() {
  if (window.__bench) return;
  const top = window === window.top;
  const B = (window.__bench = { top, marks: {}, cls: 0, shifts: [], fcp: null, probes: {} });
  const abs = (t = performance.now()) => performance.timeOrigin + t;
  const mark = (name, t) => {
    if (!(name in B.marks)) B.marks[name] = abs(t);
  };

  const roots = [document];
  let done = false;
  const check = () => {
    if (done) return;
    for (const root of roots) {
      if (!('firstItemDom' in B.marks) && root.querySelector('li.item')) mark('firstItemDom');
      const links = root.querySelectorAll('li.item a.abstract');
      if (links.length >= 5 && links[4].textContent.trim() !== '') {
        done = true;
        mark('listDom');
        observer.disconnect();
        requestAnimationFrame(() => {
          mark('listRaf');
          const ch = new MessageChannel();
          ch.port1.onmessage = () => mark('listPainted');
          ch.port2.postMessage(0);
        });
        return;
      }
    }
  };
  const observer = new MutationObserver(check);
  const watch = (root) => observer.observe(root, { childList: true, subtree: true, characterData: true });
  watch(document);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    if (!done) {
      roots.push(root);
      watch(root);
      if (this.localName === 'pbgdpl-latest-laws') mark('shadowRoot');
    }
    return root;
  };

  const describe = (node) => {
    if (!node) return '?';
    if (node.nodeType !== 1) return node.nodeName;
    const el = node;
    return (
      el.localName + (el.id ? `#${el.id}` : '') + (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '')
    );
  };
  const rect = (r) => (r ? `${Math.round(r.y)}+${Math.round(r.height)}` : '-');
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        B.cls += e.value;
        B.shifts.push({
          t: abs(e.startTime),
          value: e.value,
          sources: (e.sources ?? []).map((s) => `${describe(s.node)} y+h ${rect(s.previousRect)} → ${rect(s.currentRect)}`),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') B.fcp = abs(e.startTime);
    }).observe({ type: 'paint', buffered: true });
  } catch {
    // no layout-shift support: CLS stays 0 and the report says so
    B.noLayoutShift = true;
  }

  // Long animation frames (≥ 50 ms), with the scripts that ran in them: where main-thread time goes.
  B.loafs = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        B.loafs.push({
          start: abs(e.startTime),
          duration: e.duration,
          renderStart: e.renderStart ? abs(e.renderStart) : null,
          styleAndLayoutStart: e.styleAndLayoutStart ? abs(e.styleAndLayoutStart) : null,
          blocking: e.blockingDuration,
          scripts: e.scripts.map((s) => ({
            type: s.invokerType,
            invoker: s.invoker,
            source: s.sourceURL,
            start: abs(s.startTime),
            duration: s.duration,
            forcedStyleAndLayout: s.forcedStyleAndLayoutDuration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // older Chromium
  }

  if (top) {
    // The loader's first statement of substance is `window.PBGDPL = {…}`: the moment it ran.
    Object.defineProperty(window, 'PBGDPL', {
      configurable: true,
      enumerable: true,
      get: () => undefined,
      set(value) {
        mark('loaderRan');
        Object.defineProperty(window, 'PBGDPL', { value, writable: true, configurable: true, enumerable: true });
      },
    });
    customElements.whenDefined('pbgdpl-latest-laws').then(() => mark('defined'));
    document.addEventListener('DOMContentLoaded', () => {
      mark('domContentLoaded');
      // Diagnostic visits only (it forces style and layout, which would skew a timed visit):
      // what a reserved height does before the element is defined.
      const el = window.__benchProbe && document.querySelector('pbgdpl-latest-laws');
      if (el) {
        const cs = getComputedStyle(el);
        B.probes.beforeDefine = {
          defined: Boolean(customElements.get('pbgdpl-latest-laws')),
          display: cs.display,
          minHeight: cs.minHeight,
          height: el.getBoundingClientRect().height,
        };
      }
    });
    addEventListener('load', () => mark('load'));
  }
}
