import { describe, expect, it } from 'vitest';
import { dueMonths, localDate, releaseDate, type DueMonthsInput } from '../../src/jobs/due-months.js';

const base: DueMonthsInput = {
  dataMonths: ['2022-01', '2022-02', '2022-03'],
  delivered: ['2022-01'],
  now: new Date('2022-04-02T00:30:00+08:00'),
  timeZone: 'Asia/Shanghai',
  releaseDay: 1,
  catchUp: 3,
  maxSendLatenessDays: 45,
  sendLate: false,
};

describe('dueMonths()', () => {
  it('catches up the missed months after the last delivered one, oldest first', () => {
    expect(dueMonths(base).due.map((due) => due.month)).toEqual(['2022-02', '2022-03']);
  });

  it('judges the release day in the configured zone, not the machine clock or UTC', () => {
    // 00:30 on 1 April in Auckland is still 31 March in UTC and in Shanghai.
    const now = new Date('2022-04-01T00:30:00+13:00');
    expect(dueMonths({ ...base, now, timeZone: 'Pacific/Auckland' }).due.map((due) => due.month)).toEqual(['2022-02', '2022-03']);
    expect(dueMonths({ ...base, now, timeZone: 'UTC' }).due.map((due) => due.month)).toEqual(['2022-02']);
    expect(dueMonths({ ...base, now, timeZone: 'Asia/Shanghai' }).due.map((due) => due.month)).toEqual(['2022-02']);
  });

  it('waits for the release day and says when the next month is expected', () => {
    const result = dueMonths({ ...base, releaseDay: 20, delivered: ['2022-02'], now: new Date('2022-04-10T12:00:00+08:00') });
    expect(result.due).toEqual([]);
    expect(result.notes).toContain('2022-03: data present but not published yet; expected after 2022-04-20 Asia/Shanghai');
  });

  it('takes only the latest complete month on the first run', () => {
    expect(dueMonths({ ...base, delivered: [] }).due).toEqual([{ month: '2022-03', mail: true }]);
  });

  it('takes at most --catch-up months and leaves the rest for the next run', () => {
    const dataMonths = ['2021-09', '2021-10', '2021-11', '2021-12', '2022-01', '2022-02', '2022-03'];
    const result = dueMonths({ ...base, dataMonths, delivered: ['2021-09'], maxSendLatenessDays: 400 });
    expect(result.due.map((due) => due.month)).toEqual(['2021-10', '2021-11', '2021-12']);
    expect(result.notes.join('\n')).toContain('6 months are due');
  });

  it('generates a month past the lateness limit but mails it only with --send-late', () => {
    const dataMonths = ['2021-12', '2022-01', '2022-02', '2022-03'];
    const late = dueMonths({ ...base, dataMonths, delivered: ['2021-12'], maxSendLatenessDays: 45 });
    // Released 1 Feb, 60 days before 2 Apr: too late; February (released 1 Mar, 32 days) is not.
    expect(late.due.map((due) => [due.month, due.mail])).toEqual([['2022-01', false], ['2022-02', true], ['2022-03', true]]);
    expect(late.due[0]?.reason).toMatch(/--send-late/);
    expect(dueMonths({ ...base, dataMonths, delivered: ['2021-12'], sendLate: true }).due.every((due) => due.mail)).toBe(true);
  });

  it('skips months with no complete data and says so', () => {
    const result = dueMonths({ ...base, dataMonths: ['2022-01', '2022-03'], delivered: ['2022-01'] });
    expect(result.due.map((due) => due.month)).toEqual(['2022-03']);
    expect(result.notes.join('\n')).toContain('1 month(s) after 2022-01 have no complete data');
  });

  it('resumes a month whose mailing began and did not finish, even behind a later delivered month and past the lateness limit', () => {
    // January's mailing hit an SMTP outage (rows left failed_transient); February and March went out since.
    const result = dueMonths({ ...base, delivered: ['2022-02', '2022-03'], unfinished: ['2022-01'], now: new Date('2022-06-30T12:00:00+08:00') });
    expect(result.due).toEqual([{ month: '2022-01', mail: true }]);
    expect(result.notes).toContain('2022-01: its mailing began and is not finished; resuming it');
    // Once delivered it is no longer due, even if the caller still lists it.
    expect(dueMonths({ ...base, delivered: ['2022-01', '2022-02', '2022-03'], unfinished: ['2022-01'] }).due).toEqual([]);
  });

  it('puts an unfinished month first, in the --catch-up budget, on a first run too', () => {
    expect(dueMonths({ ...base, delivered: [], unfinished: ['2022-02'] }).due.map((due) => due.month)).toEqual(['2022-02', '2022-03']);
    expect(dueMonths({ ...base, delivered: ['2022-01'], unfinished: ['2022-02'], catchUp: 1 }).due.map((due) => due.month)).toEqual(['2022-02']);
  });

  it('has nothing to do when everything published is delivered', () => {
    const result = dueMonths({ ...base, delivered: ['2022-01', '2022-02', '2022-03'] });
    expect(result.due).toEqual([]);
    expect(result.notes[0]).toBe('everything up to 2022-03 is delivered');
  });
});

describe('localDate() and releaseDate()', () => {
  it('reads the calendar date in a zone', () => {
    expect(localDate(new Date('2022-12-31T23:30:00Z'), 'Asia/Shanghai')).toBe('2023-01-01');
    expect(localDate(new Date('2022-12-31T23:30:00Z'), 'UTC')).toBe('2022-12-31');
  });

  it('puts month M on the release day of M+1, across a year end', () => {
    expect(releaseDate('2022-12', 20)).toBe('2023-01-20');
  });
});
