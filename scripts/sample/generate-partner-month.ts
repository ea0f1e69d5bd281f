import { allocateWhole } from './allocate.js';
import type { CatalogueLine } from './catalogue.js';
import type { PartnerProfile, RegimeMix } from './partners.js';
import { makeRng, sampleWeighted, type Rng } from './rng.js';
import type { SampleRow } from './sample-row.js';
import { productSeason, xinjiangLevel } from './seasons.js';

/**
 * The base (uncalibrated) rows of Xinjiang's exports to one partner in one month, or none when the partner
 * does not trade that month. The partner's value is split over a weighted draw of its basket's lines, each
 * line under one regime (sometimes two), with quantities from the line's unit price.
 *
 * @example
 *   const rows = generatePartnerMonth(profileOf('145'), '2022-08', catalogue, 'seed');
 *   rows.every((row) => row.partner === '145' && row.month === '2022-08'); // true
 */
export function generatePartnerMonth(
  profile: PartnerProfile,
  month: string,
  catalogue: readonly CatalogueLine[],
  seed: string,
): SampleRow[] {
  const rng = makeRng(seed, month, profile.code);
  const level = xinjiangLevel(month);
  // Core partners trade every month; the long tail thins out when Xinjiang's trade is low.
  if (profile.presence < 1 && !rng.chance(profile.presence * Math.min(1, level))) return [];
  const valueUsd = Math.round(monthlyMillion(profile, month, level, rng) * 1e6);

  const embargoed = profile.embargo && month >= profile.embargo.from ? profile.embargo.groups : [];
  const basketLines = catalogue.filter(
    ({ group }) => (profile.basket[group.id] ?? 0) > 0 && !embargoed.includes(group.id),
  );
  const linesInGroup = new Map<string, number>();
  for (const { group } of basketLines) linesInGroup.set(group.id, (linesInGroup.get(group.id) ?? 0) + 1);
  const weightOf = new Map<CatalogueLine, number>();
  for (const line of basketLines) {
    // A partner keeps buying the same lines month after month: the affinity is drawn once per (partner, line).
    const affinity = affinityOf(seed, profile.code, line.line.code);
    const groupWeight = profile.basket[line.group.id] ?? 0;
    weightOf.set(
      line,
      (groupWeight / (linesInGroup.get(line.group.id) ?? 1)) * affinity * productSeason(line.group.season, month),
    );
  }
  const weight = (line: CatalogueLine): number => weightOf.get(line) ?? 0;

  const wanted = Math.max(profile.minRows ?? 1, Math.min(260, Math.round(4.5 * Math.sqrt(valueUsd / 1e6)) + 1));
  const chosen = sampleWeighted(rng, basketLines, weight, wanted);
  for (const groupId of profile.always ?? []) {
    if (embargoed.includes(groupId) || chosen.some((line) => line.group.id === groupId)) continue;
    const best = basketLines
      .filter((line) => line.group.id === groupId)
      .sort((a, b) => weight(b) - weight(a))[0];
    if (best) chosen.push(best);
  }
  chosen.sort((a, b) => a.line.code.localeCompare(b.line.code));

  const lineValues = allocateWhole(
    valueUsd,
    chosen.map((line) => weight(line) * rng.logNormal(0.6)),
  );
  const rows: SampleRow[] = [];
  chosen.forEach((line, index) => {
    const lineValue = lineValues[index] ?? 0;
    const regimes = pickRegimes(rng, profile.regimes);
    const parts = regimes.length === 1 ? [lineValue] : allocateWhole(lineValue, [3, 1]);
    regimes.forEach((regime, part) => {
      const partValue = parts[part] ?? 0;
      if (partValue <= 0) return;
      const usdPerUnit1 = line.usdPerUnit1 * rng.logNormal(0.06);
      const exactQty1 = partValue / usdPerUnit1;
      rows.push({
        month,
        hsCode: line.line.code,
        partner: profile.code,
        regime,
        valueUsd: partValue,
        qty1: Math.round(exactQty1),
        qty2: Math.round(exactQty1 * line.unit2PerUnit1),
        usdPerUnit1,
        unit2PerUnit1: line.unit2PerUnit1,
      });
    });
  });
  return rows;
}

// Memo of the (partner, line) affinities: the same draw is needed in every month.
const affinities = new Map<string, number>();
function affinityOf(seed: string, partner: string, hsCode: string): number {
  const key = `${seed}|${partner}|${hsCode}`;
  let affinity = affinities.get(key);
  if (affinity === undefined) {
    affinity = makeRng(seed, 'affinity', partner, hsCode).logNormal(1.0);
    affinities.set(key, affinity);
  }
  return affinity;
}

function monthlyMillion(profile: PartnerProfile, month: string, level: number, rng: Rng): number {
  const path = profile.pathMillion?.[month];
  if (path !== undefined) return path * rng.logNormal(0.04);
  return profile.baseMillion * level * rng.logNormal(0.1);
}

// One regime for most lines; about one line in eight is declared under two.
function pickRegimes(rng: Rng, mix: RegimeMix): string[] {
  const codes = Object.keys(mix).sort();
  const first = pickOne(rng, codes, mix);
  if (codes.length < 2 || !rng.chance(0.12)) return [first];
  const second = pickOne(rng, codes.filter((code) => code !== first), mix);
  return [first, second];
}

function pickOne(rng: Rng, codes: readonly string[], mix: RegimeMix): string {
  const total = codes.reduce((acc, code) => acc + (mix[code] ?? 0), 0);
  let draw = rng.next() * total;
  for (const code of codes) {
    draw -= mix[code] ?? 0;
    if (draw < 0) return code;
  }
  return codes[codes.length - 1] ?? '10';
}
