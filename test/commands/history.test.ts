import { describe, expect, it } from 'vitest';
import { formatDuration, formatHistory, runAsJson } from '../../src/commands/history.js';
import type { Run } from '../../src/store/index.js';

const run = (overrides: Partial<Run>): Run => ({
  id: 1,
  kind: 'run',
  report: 'xinjiang-us',
  month: '2022-09',
  edition: 1,
  startedAt: new Date('2022-10-21T01:00:00Z'),
  finishedAt: new Date('2022-10-21T01:00:04.500Z'),
  outcome: 'ok',
  counts: { sent: 3, failed: 0, uncertain: 0, skipped: 1 },
  message: 'generated edition 1; sent 3',
  ...overrides,
});

describe('formatDuration()', () => {
  it('shows seconds with one decimal under a minute', () => {
    expect(formatDuration(run({}))).toBe('4.5 s');
  });
  it('shows minutes and seconds from a minute on', () => {
    expect(formatDuration(run({ finishedAt: new Date('2022-10-21T01:03:05Z') }))).toBe('3 min 5 s');
  });
  it('shows a dash for a run that never finished', () => {
    expect(formatDuration(run({ finishedAt: null }))).toBe('-');
  });
});

describe('formatHistory()', () => {
  it('says so when there are no runs', () => {
    expect(formatHistory([])).toBe('no runs recorded yet\n');
  });

  it('prints one aligned line per run under a header, the message last', () => {
    const text = formatHistory([
      run({ id: 2, kind: 'send', outcome: 'partial', counts: { sent: 2, failed: 1, uncertain: 0, skipped: 0 }, message: 'sent 2,\nfailed 1' }),
      run({ id: 1, month: '', edition: null, outcome: null, finishedAt: null, message: null }),
    ]);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^started \(UTC\)\s+kind\s+report\s+month\s+ed\s+outcome\s+sent\s+failed\s+unc\.\s+skip\s+duration\s+message$/);
    expect(lines[1]).toMatch(/^2022-10-21 01:00\s+send\s+xinjiang-us\s+2022-09\s+1\s+partial\s+2\s+1\s+0\s+0\s+4\.5 s\s+sent 2, failed 1$/);
    expect(lines[2]).toMatch(/^2022-10-21 01:00\s+run\s+xinjiang-us\s+-\s+-\s+unfinished\s+3\s+0\s+0\s+1\s+-$/);
    // Columns line up: "kind" starts at the same place on every line.
    const kindAt = lines[0]?.indexOf('kind');
    expect(lines[1]?.indexOf('send')).toBe(kindAt);
    expect(lines[2]?.indexOf('run ')).toBe(kindAt);
  });
});

describe('runAsJson()', () => {
  it('gives ISO dates and the duration in ms, null while unfinished', () => {
    expect(runAsJson(run({}))).toMatchObject({ startedAt: '2022-10-21T01:00:00.000Z', finishedAt: '2022-10-21T01:00:04.500Z', durationMs: 4500 });
    expect(runAsJson(run({ finishedAt: null }))).toMatchObject({ finishedAt: null, durationMs: null });
  });
});
