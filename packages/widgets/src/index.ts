export { PbgdplLatestLaws } from './latest-laws/define.js';
export { PbgdplQaBox } from './qa-box/define.js';
export { PbgdplFeedbackForm } from './feedback-form/define.js';
