/** What the mail that carries an answer says. Vietnamese: the citizen asked in Vietnamese, and the form said so. */
export interface AnswerMailText {
  subject: (trackingCode: string) => string;
  intro: (siteName: string) => string;
  codeLabel: string;
  answerHeading: string;
  citationsHeading: string;
  pageLink: string;
  lookup: string;
  why: string;
}

export const ANSWER_MAIL: { vi: AnswerMailText } = {
  vi: {
    subject: (code) => `Trả lời câu hỏi của bạn (mã tra cứu ${code})`,
    intro: (site) => `Câu hỏi bạn gửi tới ${site} đã được trả lời.`,
    codeLabel: 'Mã tra cứu',
    answerHeading: 'Câu trả lời',
    citationsHeading: 'Căn cứ pháp lý',
    pageLink: 'Trang bạn đã gửi câu hỏi:',
    lookup: 'Bạn có thể xem lại câu trả lời bất cứ lúc nào bằng mã tra cứu, ở mục tra cứu câu hỏi trên trang đó.',
    why: 'Bạn nhận được thư này vì đã đồng ý nhận câu trả lời qua thư điện tử khi gửi câu hỏi.',
  },
};
