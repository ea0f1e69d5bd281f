import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { planCharts } from '../../src/charts/plan-charts.js';
import { augustStats, statsWithFocusOutsideTop, statsWithGaps, statsWithoutFocusTrade } from './fixtures.js';

// The options Vega-Lite's own schema tests use: the schema has union types and keywords Ajv's strict mode rejects.
const ajv = new Ajv({ allowUnionTypes: true, strict: false, allErrors: true });
// Formats the schema names but Ajv does not ship (they live in ajv-formats); $schema and urls are not checked here.
for (const format of ['color-hex', 'uri', 'uri-reference']) ajv.addFormat(format, () => true);
const schema: unknown = createRequire(import.meta.url)('vega-lite/vega-lite-schema.json');
const validate = ajv.compile(schema as object);

const cases = {
  'the flagship month': augustStats(),
  'a series with gaps': statsWithGaps(['2021-02', '2022-03']),
  'a month without focus-partner trade': statsWithoutFocusTrade(),
  'a focus partner outside the top 15': statsWithFocusOutsideTop(),
};

describe('chart specs', () => {
  for (const [name, stats] of Object.entries(cases)) {
    it(`validate against the Vega-Lite JSON schema for ${name}`, () => {
      const { charts } = planCharts(stats);
      expect(charts.length).toBeGreaterThan(0);
      for (const chart of charts) {
        const valid = validate(chart.spec);
        expect({ chart: chart.id, errors: valid ? [] : validate.errors?.slice(0, 3) }).toEqual({ chart: chart.id, errors: [] });
      }
    });
  }

  it('fail the schema when a spec is malformed (the check can fail)', () => {
    const [chart] = planCharts(augustStats()).charts;
    expect(validate({ ...chart?.spec, mark: 'no-such-mark' })).toBe(false);
  });
});
