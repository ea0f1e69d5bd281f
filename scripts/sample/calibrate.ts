import { allocateWhole, fillUnderCap } from './allocate.js';
import type { CatalogueLine } from './catalogue.js';
import { makeRng } from './rng.js';
import { withValue, type SampleRow } from './sample-row.js';
import {
  APPAREL_CAP,
  FOCUS_PARTNER,
  US_MONTH_TARGETS,
  US_RANK_TARGETS,
  type GroupTarget,
  type MonthTarget,
} from './targets.js';

const matches = (row: SampleRow, prefixes: readonly string[]): boolean =>
  prefixes.some((prefix) => row.hsCode.startsWith(prefix));

/**
 * Spreads `totalUsd` over rows in proportion to their current values, keeping every HS6 line below
 * `hs6CapUsd`, in whole dollars; quantities follow the values. Rows that end at 0 are dropped.
 *
 * @example spreadOver([rowA, rowB], 1000) // values in the ratio A:B, summing to 1000
 */
export function spreadOver(rows: readonly SampleRow[], totalUsd: number, hs6CapUsd = Infinity): SampleRow[] {
  const hs6Codes = [...new Set(rows.map((row) => row.hsCode.slice(0, 6)))].sort();
  const hs6Weights = hs6Codes.map((hs6) =>
    rows.filter((row) => row.hsCode.startsWith(hs6)).reduce((acc, row) => acc + row.valueUsd, 0),
  );
  // Each line stops a little under the cap (1–8 %, fixed per HS6), so capped lines neither tie nor sit on a
  // round number.
  const hs6Caps = hs6Codes.map((hs6) => (hs6CapUsd === Infinity ? Infinity : hs6CapUsd * makeRng('hs6-cap', hs6).uniform(0.92, 0.99)));
  const hs6Amounts = fillUnderCap(totalUsd, hs6Weights, hs6Caps);
  const rowAmounts = rows.map((row) => {
    const index = hs6Codes.indexOf(row.hsCode.slice(0, 6));
    const weight = hs6Weights[index] ?? 0;
    const siblings = rows.filter((other) => other.hsCode.startsWith(row.hsCode.slice(0, 6))).length;
    return (hs6Amounts[index] ?? 0) * (weight > 0 ? row.valueUsd / weight : 1 / siblings);
  });
  const values = allocateWhole(totalUsd, rowAmounts);
  return rows.map((row, index) => withValue(row, values[index] ?? 0)).filter((row) => row.valueUsd > 0);
}

/**
 * Sets a group's value and, when asked, its summed quantities; the unit price follows from them.
 *
 * @example setGroup(sockRows, { id: 'socks', prefixes: ['6115'], valueUsd: 1_618_942, qty1: 7_912_306 }, 2e6)
 */
export function setGroup(rows: readonly SampleRow[], target: GroupTarget, hs6CapUsd = Infinity): SampleRow[] {
  const valued = spreadOver(rows, target.valueUsd, target.uncapped ? Infinity : hs6CapUsd);
  if (target.qty1 !== undefined) {
    const qty1s = allocateWhole(target.qty1, valued.map((row) => row.valueUsd));
    return valued.map((row, index) => {
      const qty1 = qty1s[index] ?? 0;
      return { ...row, qty1, qty2: Math.round(qty1 * row.unit2PerUnit1), usdPerUnit1: row.valueUsd / Math.max(1, qty1) };
    });
  }
  if (target.qty2 !== undefined) {
    const qty2s = allocateWhole(target.qty2, valued.map((row) => row.valueUsd));
    return valued.map((row, index) => {
      const qty2 = qty2s[index] ?? 0;
      const qty1 = Math.round(qty2 / row.unit2PerUnit1);
      return { ...row, qty1, qty2, usdPerUnit1: row.valueUsd / Math.max(1, qty1) };
    });
  }
  return valued;
}

/**
 * Calibrates one partner-month to its target: the named groups get their exact values (rows are added from
 * the catalogue when the draw left a group empty), and the rest of the month's total is spread over the
 * other rows under the per-HS6 cap.
 */
export function fitMonth(
  rows: readonly SampleRow[],
  target: MonthTarget,
  catalogue: readonly CatalogueLine[],
): SampleRow[] {
  const totalUsd = target.totalUsd ?? rows.reduce((acc, row) => acc + row.valueUsd, 0);
  let rest = [...rows];
  const fitted: SampleRow[] = [];
  for (const group of target.groups ?? []) {
    let members = rest.filter((row) => matches(row, group.prefixes));
    rest = rest.filter((row) => !matches(row, group.prefixes));
    if (members.length === 0) members = [newRow(rows[0], group, catalogue, target.month)];
    fitted.push(...setGroup(members, group, target.hs6CapUsd));
  }
  const restUsd = totalUsd - fitted.reduce((acc, row) => acc + row.valueUsd, 0);
  if (restUsd < 0) throw new Error(`calibration ${target.month}: groups exceed the total`);
  return [...fitted, ...spreadOver(rest, restUsd, target.hs6CapUsd)];
}

function newRow(
  template: SampleRow | undefined,
  group: GroupTarget,
  catalogue: readonly CatalogueLine[],
  month: string,
): SampleRow {
  const line = catalogue.find((entry) => group.prefixes.some((prefix) => entry.line.code.startsWith(prefix)));
  if (!line) throw new Error(`calibration ${month}: no catalogue line for group ${group.id}`);
  return {
    month,
    hsCode: line.line.code,
    partner: template?.partner ?? FOCUS_PARTNER,
    regime: '10',
    valueUsd: 1,
    qty1: 0,
    qty2: 0,
    usdPerUnit1: line.usdPerUnit1,
    unit2PerUnit1: line.unit2PerUnit1,
  };
}

/**
 * Scales other partners of a month so the focus partner has exactly the wanted partners above it: those that
 * must be above and are not get lifted to 5–15 % over it, those that must be below and are not get cut to
 * 75–93 % of it (seeded, so the ranks below do not all tie).
 */
export function placePartner(
  monthRows: readonly SampleRow[],
  focus: string,
  above: ReadonlySet<string>,
  seed: string,
): SampleRow[] {
  const totals = partnerTotals(monthRows);
  const focusUsd = totals.get(focus) ?? 0;
  const factors = new Map<string, number>();
  for (const [partner, total] of [...totals].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (partner === focus) continue;
    const rng = makeRng(seed, 'place', monthRows[0]?.month ?? '', partner);
    if (above.has(partner) && total <= focusUsd * 1.03) factors.set(partner, (focusUsd * rng.uniform(1.05, 1.15)) / total);
    if (!above.has(partner) && total >= focusUsd * 0.97) factors.set(partner, (focusUsd * rng.uniform(0.75, 0.93)) / total);
  }
  return monthRows
    .map((row) => {
      const factor = factors.get(row.partner);
      return factor === undefined ? row : withValue(row, Math.round(row.valueUsd * factor));
    })
    .filter((row) => row.valueUsd > 0);
}

/** The partners that should rank above the focus partner for it to be `rank`-th: the current leaders. */
export function leadersFor(monthRows: readonly SampleRow[], focus: string, rank: number): Set<string> {
  const others = [...partnerTotals(monthRows)]
    .filter(([partner]) => partner !== focus)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return new Set(others.slice(0, rank - 1).map(([partner]) => partner));
}

function partnerTotals(rows: readonly SampleRow[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.partner, (totals.get(row.partner) ?? 0) + row.valueUsd);
  return totals;
}

/**
 * Applies every target of targets.ts to the base rows of the sample (all months, all partners): the US
 * months, the apparel ceiling, then the US's rank among partners.
 */
export function calibrateSample(rows: readonly SampleRow[], catalogue: readonly CatalogueLine[], seed: string): SampleRow[] {
  const byMonth = new Map<string, SampleRow[]>();
  for (const row of rows) {
    const monthRows = byMonth.get(row.month);
    if (monthRows) monthRows.push(row);
    else byMonth.set(row.month, [row]);
  }
  const out: SampleRow[] = [];
  for (const [month, monthRows] of [...byMonth].sort((a, b) => a[0].localeCompare(b[0]))) {
    const baseFocusRows = monthRows.filter((row) => row.partner === FOCUS_PARTNER);
    const others = monthRows.filter((row) => row.partner !== FOCUS_PARTNER);
    const target: MonthTarget = US_MONTH_TARGETS.find((candidate) => candidate.month === month) ?? { month };
    let focusRows = fitMonth(baseFocusRows, target, catalogue);
    const apparelUsd = focusRows.filter((row) => matches(row, APPAREL_CAP.prefixes)).reduce((a, r) => a + r.valueUsd, 0);
    if (month >= APPAREL_CAP.fromMonth && month <= APPAREL_CAP.toMonth && apparelUsd > APPAREL_CAP.maxUsd) {
      // Refit with apparel as one more fixed group, so the month's other targets and cap still hold.
      const cappedUsd = Math.round(APPAREL_CAP.maxUsd * makeRng(seed, 'apparel-cap', month).uniform(0.8, 0.97));
      const apparel: GroupTarget = { id: 'apparel', prefixes: APPAREL_CAP.prefixes, valueUsd: cappedUsd };
      focusRows = fitMonth(baseFocusRows, { ...target, groups: [...(target.groups ?? []), apparel] }, catalogue);
    }
    let all = [...others, ...focusRows];
    const rankTarget = US_RANK_TARGETS.find((candidate) => candidate.month === month);
    if (rankTarget) {
      const above = 'above' in rankTarget ? new Set<string>(rankTarget.above) : leadersFor(all, FOCUS_PARTNER, rankTarget.rank);
      all = placePartner(all, FOCUS_PARTNER, above, seed);
    }
    out.push(...all);
  }
  return out;
}

/**
 * Checks the calibrated rows against targets.ts and throws with every miss, so an edit to a profile that
 * breaks a published figure stops the generator instead of shipping a wrong sample.
 */
export function verifyCalibration(rows: readonly SampleRow[]): void {
  const misses: string[] = [];
  for (const target of US_MONTH_TARGETS) {
    const focusRows = rows.filter((row) => row.month === target.month && row.partner === FOCUS_PARTNER);
    const valueOf = (prefixes?: readonly string[]): number =>
      focusRows.filter((row) => !prefixes || matches(row, prefixes)).reduce((acc, row) => acc + row.valueUsd, 0);
    if (target.totalUsd !== undefined && valueOf() !== target.totalUsd) {
      misses.push(`${target.month}: US total ${valueOf()} ≠ ${target.totalUsd}`);
    }
    // Groups are claimed in order, so a later group's check counts only rows no earlier group matched.
    const claimed: string[] = [];
    for (const group of target.groups ?? []) {
      const value = focusRows
        .filter((row) => matches(row, group.prefixes) && !matches(row, claimed))
        .reduce((acc, row) => acc + row.valueUsd, 0);
      if (value !== group.valueUsd) misses.push(`${target.month}: ${group.id} ${value} ≠ ${group.valueUsd}`);
      claimed.push(...group.prefixes);
    }
  }
  for (const rankTarget of US_RANK_TARGETS) {
    const monthRows = rows.filter((row) => row.month === rankTarget.month);
    const ranking = [...partnerTotals(monthRows)]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([partner]) => partner);
    const wantedRank = 'above' in rankTarget ? rankTarget.above.length + 1 : rankTarget.rank;
    const rank = ranking.indexOf(FOCUS_PARTNER) + 1;
    if (rank !== wantedRank) misses.push(`${rankTarget.month}: US rank ${rank} ≠ ${wantedRank}`);
  }
  if (misses.length > 0) throw new Error(`sample calibration missed its targets:\n  ${misses.join('\n  ')}`);
}
