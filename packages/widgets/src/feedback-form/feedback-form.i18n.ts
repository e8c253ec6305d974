import { dictionary } from '../core/i18n.js';

/** What the form shows before the citizen interacts: in the widget's first chunk. */
export const strings = dictionary(
  {
    headingPage: 'Góp ý, phản hồi',
    headingDocument: 'Phản ánh, kiến nghị về văn bản',
    headingDraft: 'Góp ý dự thảo văn bản',
    ratingPage: 'Bạn có hài lòng với nội dung trang này không?',
    ratingDocument: 'Bạn có hài lòng với văn bản này không?',
    ratingDraft: 'Bạn có hài lòng với dự thảo này không?',
    rating1: 'Rất không hài lòng',
    rating2: 'Không hài lòng',
    rating3: 'Bình thường',
    rating4: 'Hài lòng',
    rating5: 'Rất hài lòng',
  },
  {
    headingPage: 'Feedback',
    headingDocument: 'Comments on a legal document',
    headingDraft: 'Comments on a draft',
    ratingPage: 'Are you satisfied with the content of this page?',
    ratingDocument: 'Are you satisfied with this document?',
    ratingDraft: 'Are you satisfied with this draft?',
    rating1: 'Very dissatisfied',
    rating2: 'Dissatisfied',
    rating3: 'Neutral',
    rating4: 'Satisfied',
    rating5: 'Very satisfied',
  },
);
