import { PbgdplQaBox } from './qa-box.js';

export { PbgdplQaBox };

// Guarded: the loader, a CMS plugin and a bundled app may all try to define it on one page.
if (!customElements.get('pbgdpl-qa-box')) customElements.define('pbgdpl-qa-box', PbgdplQaBox);
