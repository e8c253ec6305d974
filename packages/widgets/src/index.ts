export { PbgdplLatestLaws } from './latest-laws/define.js';
