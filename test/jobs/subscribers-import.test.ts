import { describe, expect, it } from 'vitest';
import { DataError, formatProblem } from '../../src/errors.js';
import { importSubscribers } from '../../src/jobs/subscribers-import.js';
import { NOW, tempStore } from '../store/helpers.js';

const REPORTS = ['xinjiang-us', 'xinjiang-kz'];
const GOOD_AND_BAD = 'email,name,reports\nana@example.org,Ana,xinjiang-us\nnot-an-address,X,\nben@example.org,Ben,\ncai@example.org,Cai,xinjiang-eu\n';

function dataErrorOf(run: () => unknown): DataError {
  try {
    run();
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('expected a DataError');
}

describe('importSubscribers()', () => {
  it('imports every row of a good file', () => {
    const store = tempStore();
    const result = importSubscribers(store, 'email,name,locale,reports\nana@example.org,Ana,zh,xinjiang-us\nben@example.org,,,\n', {
      file: 'list.csv',
      reports: REPORTS,
      skipInvalid: false,
      now: NOW,
    });
    expect(result).toEqual({ imported: 2, skipped: 0, problems: [] });
    expect(store.listSubscribers().map((s) => [s.email, s.name, s.locale, s.reports.join(';')])).toEqual([
      ['ana@example.org', 'Ana', 'zh', 'xinjiang-us'],
      ['ben@example.org', null, 'en', 'xinjiang-kz;xinjiang-us'],
    ]);
  });

  it('imports nothing when any row is bad, and names every bad row', () => {
    const store = tempStore();
    const error = dataErrorOf(() => importSubscribers(store, GOOD_AND_BAD, { file: 'list.csv', reports: REPORTS, skipInvalid: false, now: NOW }));
    expect(error.problems.map(formatProblem)).toEqual([
      'list.csv:3: column "email": error: "not-an-address" is not a valid email address [email.invalid]',
      'list.csv:5: column "reports": error: unknown report "xinjiang-eu"; reports in the config: xinjiang-us, xinjiang-kz [report.unknown]',
    ]);
    expect(error.message).toBe('list.csv: 2 problem(s) in 2 row(s); nothing was imported');
    expect(store.listSubscribers()).toEqual([]);
  });

  it('imports the good rows and returns the bad ones with skipInvalid', () => {
    const store = tempStore();
    const result = importSubscribers(store, GOOD_AND_BAD, { file: 'list.csv', reports: REPORTS, skipInvalid: true, now: NOW });
    expect(result).toMatchObject({ imported: 2, skipped: 2 });
    expect(result.problems.map((problem) => problem.row)).toEqual([3, 5]);
    expect(store.listSubscribers().map((s) => s.email)).toEqual(['ana@example.org', 'ben@example.org']);
  });

  it('imports nothing when the header is wrong, even with skipInvalid', () => {
    const store = tempStore();
    expect(() => importSubscribers(store, 'mail\nana@example.org\n', { file: 'list.csv', reports: REPORTS, skipInvalid: true, now: NOW })).toThrow(DataError);
    expect(store.listSubscribers()).toEqual([]);
  });

  it('rolls back the whole import when a write fails half-way', () => {
    const store = tempStore();
    let calls = 0;
    const failing = {
      ...store,
      addSubscriber: (...args: Parameters<typeof store.addSubscriber>) => {
        calls += 1;
        if (calls === 2) throw new Error('disk full');
        return store.addSubscriber(...args);
      },
    };
    expect(() => importSubscribers(failing, 'email\nana@example.org\nben@example.org\n', { file: 'list.csv', reports: REPORTS, skipInvalid: false, now: NOW })).toThrow('disk full');
    expect(store.listSubscribers()).toEqual([]);
  });
});
