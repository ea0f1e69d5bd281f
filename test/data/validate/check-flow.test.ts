import { describe, expect, it } from 'vitest';
import { checkFlow } from '../../../src/data/validate/check-flow.js';
import { aRecord, originsFor } from '../helpers/tiny-reference.js';

describe('checkFlow()', () => {
  it('reports rows of another flow mixed into a file given as export', () => {
    const problems = checkFlow([aRecord(), aRecord({ flow: 'import' })], originsFor(2), 'export');
    expect(problems).toEqual([expect.objectContaining({ rule: 'flow.mixed', row: 3, column: 'flow' })]);
  });
});
