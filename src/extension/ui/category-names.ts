import type { WarnCategory } from '../../core/warnlist/types';

/** Message names (public/_locales) of the warning categories, in plain words. */
export const CATEGORY_MESSAGES: Record<WarnCategory, string> = {
  violence: 'categoryViolence',
  'sexual-assault': 'categorySexualAssault',
  robbery: 'categoryRobbery',
  'non-payment': 'categoryNonPayment',
  condom: 'categoryCondom',
  boundaries: 'categoryBoundaries',
  harassment: 'categoryHarassment',
  police: 'categoryPolice',
  'no-show': 'categoryNoShow',
};
