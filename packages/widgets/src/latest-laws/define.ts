import { PbgdplLatestLaws } from './latest-laws.js';

export { PbgdplLatestLaws };

// Guarded: the loader, a CMS plugin and a bundled app may all try to define it on one page.
if (!customElements.get('pbgdpl-latest-laws')) customElements.define('pbgdpl-latest-laws', PbgdplLatestLaws);
