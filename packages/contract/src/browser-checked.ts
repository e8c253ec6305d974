import { LawPage } from './laws.js';
import { PublicSite } from './sites.js';
import { FeedbackReceipt, QuestionPage, QuestionReceipt, QuestionStatusView, Suggestions } from './submissions.js';

/** Responses the widgets check in the browser; scripts/gen-shapes.ts compiles each to a Shape. */
export const browserChecked = { LawPage, QuestionPage, Suggestions, QuestionReceipt, QuestionStatusView, FeedbackReceipt, PublicSite };
