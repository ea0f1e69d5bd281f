/** The reference-data API in one import: `import { loadReference, hsLabel } from '../data/reference/index.js'`. */
export { loadReference, defaultReferenceDir } from './load-reference.js';
export { hsLabel, type Locale } from './hs-label.js';
export { matchCategory } from './match-category.js';
export { unitName } from './unit-name.js';
export { partnerName } from './partner-name.js';
export { parseCategories } from './parse-categories.js';
export type { Reference, Partner, Region, Regime, Unit, Hs8Line, Category } from './types.js';
