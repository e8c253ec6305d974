import { PbgdplFeedbackForm } from './feedback-form.js';

export { PbgdplFeedbackForm };

// Guarded: the loader, a CMS plugin and a bundled app may all try to define it on one page.
if (!customElements.get('pbgdpl-feedback-form')) customElements.define('pbgdpl-feedback-form', PbgdplFeedbackForm);
