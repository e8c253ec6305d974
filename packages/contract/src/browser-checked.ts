import { LawPage } from './laws.js';

/** Responses the widgets check in the browser; scripts/gen-shapes.ts compiles each to a Shape. */
export const browserChecked = { LawPage };
