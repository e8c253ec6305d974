import { expect } from '@open-wc/testing';
import type { CSSResult } from 'lit';
import { PbgdplLatestLaws } from '../latest-laws/latest-laws.js';
import { PbgdplFeedbackForm } from '../feedback-form/feedback-form.js';
import { partsStyles as feedbackPartsStyles } from '../feedback-form/feedback-form.parts.styles.js';
import { PbgdplQaBox } from '../qa-box/qa-box.js';
import { formStyles as qaFormStyles } from '../qa-box/qa-box.forms.styles.js';

const widgets = {
  'pbgdpl-latest-laws': PbgdplLatestLaws,
  'pbgdpl-qa-box': PbgdplQaBox,
  'pbgdpl-qa-box forms (adopted when opened)': { styles: [PbgdplQaBox.styles, qaFormStyles] },
  'pbgdpl-feedback-form': PbgdplFeedbackForm,
  'pbgdpl-feedback-form open form (adopted when opened)': { styles: [PbgdplFeedbackForm.styles, feedbackPartsStyles] },
};

const cssOf = (styles: unknown): string => ([styles].flat(Infinity as 1) as CSSResult[]).map((s) => s.cssText).join('\n');

describe('widget styles', () => {
  for (const [tag, widget] of Object.entries(widgets)) {
    const css = cssOf(widget.styles);

    it(`${tag} uses px and em, never rem (hosts set html{font-size:62.5%})`, () => {
      expect(css.match(/[\d.]rem\b/g) ?? []).to.deep.equal([]);
    });

    it(`${tag} declares every private custom property it reads`, () => {
      const used = new Set([...css.matchAll(/var\((--_[\w-]+)/g)].map((m) => m[1]));
      const declared = new Set([...css.matchAll(/(--_[\w-]+)\s*:/g)].map((m) => m[1]));
      expect([...used].filter((v) => !declared.has(v))).to.deep.equal([]);
    });

    it(`${tag} reads only documented public tokens`, () => {
      const documented = [
        '--pbgdpl-font',
        '--pbgdpl-accent',
        '--pbgdpl-on-accent',
        '--pbgdpl-radius',
        '--pbgdpl-surface',
        '--pbgdpl-text',
        '--pbgdpl-muted',
        '--pbgdpl-border',
        '--pbgdpl-focus',
      ];
      const used = new Set([...css.matchAll(/var\((--pbgdpl-[\w-]+)/g)].map((m) => m[1]));
      expect([...used].filter((v) => !documented.includes(v!))).to.deep.equal([]);
    });
  }
});
