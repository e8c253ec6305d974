import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { PbgdplFeedbackForm } from '../feedback-form/feedback-form.js';
import { PbgdplLatestLaws } from '../latest-laws/latest-laws.js';
import { PLACEHOLDER_ATTRIBUTES } from '../placeholder-attributes.js';
import { PbgdplQaBox } from '../qa-box/qa-box.js';

const widgets: Record<string, typeof LitElement> = {
  'latest-laws': PbgdplLatestLaws,
  'qa-box': PbgdplQaBox,
  'feedback-form': PbgdplFeedbackForm,
};

/** Attribute names a widget observes, as Lit declares them. */
const observed = (cls: typeof LitElement) =>
  [...cls.elementProperties.entries()]
    .filter(([, o]) => o.attribute !== false && !o.state)
    .map(([name, o]) => (typeof o.attribute === 'string' ? o.attribute : String(name).toLowerCase()));

describe('placeholder attributes', () => {
  it('cover every widget the bundle has', () => {
    expect(Object.keys(PLACEHOLDER_ATTRIBUTES).sort()).to.deep.equal(Object.keys(widgets).sort());
  });

  for (const [name, cls] of Object.entries(widgets)) {
    it(`${name}: a placeholder may set exactly the attributes the element has, except api and site`, () => {
      const expected = observed(cls)
        .filter((a) => a !== 'api' && a !== 'site')
        .sort();
      expect([...PLACEHOLDER_ATTRIBUTES[name]!].sort()).to.deep.equal(expected);
    });
  }
});
