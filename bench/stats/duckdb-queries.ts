/**
 * The reference side of the stats benchmark: DuckDB answers, in SQL over its own `trade` table (see
 * duckdb-load.ts), every data question our computeStats answers for one report-month: the focus flow's monthly
 * totals (25-month series, the year-earlier months, m/m and y/y, "highest in N months", the rise streak), the
 * ranking of all partners this month and last (and the focus partner's rank over 13 months), the basket's
 * category totals with quantities per unit, the top products at the report's HS level with their streaks at
 * the top, and the e-commerce channel. Written from the definitions in DESIGN.md, not from our code, so the
 * comparison is a real check. Months are counted as integers (year * 12 + month - 1), as src/stats does.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { StatsDefinition } from '../../src/stats/compute-stats.js';
import { sqlString } from './duckdb-load.js';
import type { ProductFigures, StatsFigures } from './figures.js';

/** Months in the focus partner's rank history (src/stats/compute-stats.ts RANK_HISTORY_MONTHS). */
const RANK_HISTORY_MONTHS = 13;
/** Earlier months the headline compares with (src/stats/headline.ts MULTIPLE_MONTHS). */
const MULTIPLE_MONTHS = 3;

type Row = Record<string, unknown>;

/** Macros the queries use (created once per connection, not timed). */
export async function createMacros(connection: DuckDBConnection): Promise<void> {
  await connection.run(`CREATE OR REPLACE MACRO month_key(i) AS printf('%04d-%02d', CAST(i AS INTEGER) // 12, CAST(i AS INTEGER) % 12 + 1)`);
  // One decimal, half up, as JS Math.round does (DuckDB's round() goes half away from zero).
  await connection.run(`CREATE OR REPLACE MACRO round1(x) AS floor(x * 10 + 0.5) / 10`);
  await connection.run(`CREATE OR REPLACE MACRO pct(cur, base) AS CASE WHEN cur IS NULL OR base IS NULL OR base = 0 THEN NULL ELSE round1(((cur - base) / abs(base)) * 100) END`);
  await connection.run(`CREATE OR REPLACE MACRO share(part, total) AS CASE WHEN total = 0 THEN NULL ELSE round1((part / total) * 100) END`);
}

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function monthKey(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String(index - year * 12 + 1).padStart(2, '0')}`;
}

const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const str = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/**
 * "Highest in N months" over a filled series `vals(key, mi, value)`: the latest earlier month with a higher
 * value, else the whole record; nothing when this month's value is not positive.
 */
function highestSinceSql(vals: string, at: number): string {
  return `
    SELECT cur.key,
      CASE WHEN cur.value > 0 THEN (SELECT max(e.mi) FROM ${vals} e WHERE e.key = cur.key AND e.mi < ${at} AND e.value > cur.value) END AS since_mi,
      CASE WHEN cur.value > 0 THEN
        coalesce(${at} - (SELECT max(e.mi) FROM ${vals} e WHERE e.key = cur.key AND e.mi < ${at} AND e.value > cur.value),
                 ${at} - (SELECT min(e.mi) FROM ${vals} e WHERE e.key = cur.key) + 1)
      END AS highest_in_months
    FROM ${vals} cur WHERE cur.mi = ${at}`;
}

/**
 * Runs every query for `month` and returns the figures. Temp tables are rebuilt on each call, so each call
 * is a full answer from `trade`.
 * @example const figures = await queryFigures(connection, definition, '2022-08'); figures.headline.yoyPct // 592.8
 */
export async function queryFigures(connection: DuckDBConnection, definition: StatsDefinition, month: string): Promise<StatsFigures> {
  const rows = async (sql: string): Promise<Row[]> => (await connection.runAndReadAll(sql)).getRowObjectsJS() as Row[];
  const M = monthIndex(month);
  const level = definition.productHsLevel;
  const regions = definition.regions.map(sqlString).join(', ');
  const partner = sqlString(definition.focusPartner);
  const basketIds = definition.basket.map((category) => `(${sqlString(category.id)})`).join(', ');

  // The report's rows (USD values, its regions), the months they cover, and the focus partner's rows.
  await connection.run(`CREATE OR REPLACE TEMP TABLE q_scoped AS
    SELECT mi, partner, hs_code, value_usd, qty1, unit1, qty2, unit2
    FROM trade WHERE value_usd IS NOT NULL AND region IN (${regions})`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE q_covered AS SELECT DISTINCT mi FROM q_scoped`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE q_focus AS SELECT * FROM q_scoped WHERE partner = ${partner}`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE q_focus_monthly AS
    SELECT 'focus' AS key, c.mi, coalesce(f.v, 0) AS value
    FROM q_covered c LEFT JOIN (SELECT mi, sum(value_usd) AS v FROM q_focus GROUP BY mi) f USING (mi)`);

  // Coverage and the headline.
  const [coverage] = await rows(`SELECT month_key(min(mi)) AS first, month_key(max(mi)) AS last, CAST(count(*) AS INTEGER) AS n FROM q_covered`);
  const [head] = await rows(`
    WITH v AS (SELECT mi, value FROM q_focus_monthly),
    cur_at AS (SELECT (SELECT value FROM v WHERE mi = ${M}) AS cur, (SELECT value FROM v WHERE mi = ${M - 1}) AS prev, (SELECT value FROM v WHERE mi = ${M - 12}) AS year_ago),
    rises AS (SELECT a.mi, (b.value IS NOT NULL AND a.value > b.value) AS rise FROM v a LEFT JOIN v b ON b.mi = a.mi - 1),
    hs AS (${highestSinceSql('q_focus_monthly', M)})
    SELECT cur_at.cur, cur_at.prev, cur_at.year_ago, pct(cur_at.cur, cur_at.prev) AS mom, pct(cur_at.cur, cur_at.year_ago) AS yoy,
      (SELECT CAST(highest_in_months AS INTEGER) FROM hs) AS highest_in_months,
      (SELECT month_key(since_mi) FROM hs WHERE since_mi IS NOT NULL) AS highest_since,
      CASE WHEN EXISTS (SELECT 1 FROM v WHERE mi = ${M}) THEN ${M} - (SELECT max(mi) FROM rises WHERE mi <= ${M} AND NOT rise) ELSE 0 END AS streak,
      CASE WHEN EXISTS (SELECT 1 FROM v WHERE mi = ${M - 1}) THEN ${M - 1} - (SELECT max(mi) FROM rises WHERE mi <= ${M - 1} AND NOT rise) ELSE 0 END AS prev_streak
    FROM cur_at`);
  const multiples = await rows(`
    SELECT month_key(${M} - back) AS month, v.value AS value,
      CASE WHEN cur.value IS NULL OR v.value IS NULL OR v.value = 0 THEN NULL ELSE cur.value / v.value END AS ratio
    FROM generate_series(1, ${MULTIPLE_MONTHS}) g(back)
    LEFT JOIN q_focus_monthly v ON v.mi = ${M} - g.back
    LEFT JOIN (SELECT value FROM q_focus_monthly WHERE mi = ${M}) cur ON true
    ORDER BY back`);
  const series = await rows(`
    SELECT month_key(g.mi) AS month, v.value AS value
    FROM generate_series(greatest(${M - (definition.historyMonths - 1)}, least(${M}, (SELECT min(mi) FROM q_covered))), ${M}) g(mi)
    LEFT JOIN q_focus_monthly v ON v.mi = g.mi ORDER BY g.mi`);

  // Partners: every partner of the month by value (ties by code), with last month's rank and the year-ago value.
  await connection.run(`CREATE OR REPLACE TEMP TABLE q_partner_month AS
    SELECT mi, partner, sum(value_usd) AS v FROM q_scoped WHERE partner IS NOT NULL GROUP BY mi, partner`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE q_partner_rank AS
    SELECT mi, partner, v, CAST(row_number() OVER (PARTITION BY mi ORDER BY v DESC, partner) AS INTEGER) AS rank
    FROM q_partner_month WHERE v > 0`);
  const [total] = await rows(`SELECT coalesce(sum(v), 0) AS total FROM q_partner_month WHERE mi = ${M}`);
  const partners = await rows(`
    WITH months AS (SELECT DISTINCT mi FROM q_partner_month),
    base AS (SELECT
      CASE WHEN EXISTS (SELECT 1 FROM months WHERE mi = ${M - 1}) THEN true ELSE false END AS has_prev,
      CASE WHEN EXISTS (SELECT 1 FROM months WHERE mi = ${M - 12}) THEN true ELSE false END AS has_year_ago)
    SELECT c.partner AS code, c.v AS value, share(c.v, ${Number(total?.total ?? 0)}) AS share, c.rank, p.rank AS prev_rank,
      CASE WHEN base.has_prev THEN coalesce(pv.v, 0) END AS prev_value,
      CASE WHEN base.has_year_ago THEN coalesce(yv.v, 0) END AS year_ago_value,
      pct(c.v, CASE WHEN base.has_year_ago THEN coalesce(yv.v, 0) END) AS yoy
    FROM q_partner_rank c CROSS JOIN base
    LEFT JOIN q_partner_rank p ON p.mi = ${M - 1} AND p.partner = c.partner
    LEFT JOIN q_partner_month pv ON pv.mi = ${M - 1} AND pv.partner = c.partner
    LEFT JOIN q_partner_month yv ON yv.mi = ${M - 12} AND yv.partner = c.partner
    WHERE c.mi = ${M} ORDER BY c.rank`);
  const rankHistory = await rows(`
    SELECT month_key(g.mi) AS month, r.rank FROM generate_series(${M - (RANK_HISTORY_MONTHS - 1)}, ${M}) g(mi)
    LEFT JOIN q_partner_rank r ON r.mi = g.mi AND r.partner = ${partner} ORDER BY g.mi`);

  // Categories (HS-prefix rules with exclusions) on the focus partner's rows.
  // Rules are matched once per distinct HS code (a few thousand), then rows join on the code.
  await connection.run(`CREATE OR REPLACE TEMP TABLE q_category_rows AS
    WITH codes AS (SELECT DISTINCT hs_code FROM q_focus WHERE hs_code IS NOT NULL),
    code_category AS (
      SELECT DISTINCT c.hs_code, r.category_id FROM codes c JOIN category_rule r ON NOT r.is_exclude AND starts_with(c.hs_code, r.prefix)
      WHERE NOT EXISTS (SELECT 1 FROM category_rule x WHERE x.category_id = r.category_id AND x.is_exclude AND starts_with(c.hs_code, x.prefix)))
    SELECT cc.category_id, f.mi, f.value_usd, f.qty1, f.unit1, f.qty2, f.unit2
    FROM q_focus f JOIN code_category cc ON cc.hs_code = f.hs_code`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE q_category_monthly AS
    SELECT ids.category_id AS key, cv.mi, coalesce(s.v, 0) AS value
    FROM (SELECT DISTINCT category_id FROM category_rule) ids CROSS JOIN q_covered cv
    LEFT JOIN (SELECT category_id, mi, sum(value_usd) AS v FROM q_category_rows GROUP BY category_id, mi) s
      ON s.category_id = ids.category_id AND s.mi = cv.mi`);
  const categories = definition.basket.length === 0 ? [] : await rows(`
    WITH basket(category_id) AS (VALUES ${basketIds}),
    hs AS (${highestSinceSql('q_category_monthly', M)}),
    month_values AS (SELECT b.category_id, coalesce(cur.value, 0) AS value, prev.value AS prev, ya.value AS year_ago
      FROM basket b
      LEFT JOIN q_category_monthly cur ON cur.key = b.category_id AND cur.mi = ${M}
      LEFT JOIN q_category_monthly prev ON prev.key = b.category_id AND prev.mi = ${M - 1}
      LEFT JOIN q_category_monthly ya ON ya.key = b.category_id AND ya.mi = ${M - 12})
    SELECT mv.category_id AS id, mv.value, mv.prev, pct(mv.value, mv.prev) AS mom, mv.year_ago, pct(mv.value, mv.year_ago) AS yoy,
      CAST(row_number() OVER (ORDER BY mv.value DESC, mv.category_id) AS INTEGER) AS rank,
      CAST(hs.highest_in_months AS INTEGER) AS highest_in_months, month_key(hs.since_mi) AS highest_since
    FROM month_values mv LEFT JOIN hs ON hs.key = mv.category_id
    ORDER BY rank`);
  const quantities = await rows(`
    SELECT q.category_id, u.unit_name, sum(q.quantity) AS quantity FROM (
      SELECT category_id, unit1 AS unit, qty1 AS quantity FROM q_category_rows WHERE mi = ${M} AND qty1 IS NOT NULL AND unit1 IS NOT NULL
      UNION ALL
      SELECT category_id, unit2, qty2 FROM q_category_rows WHERE mi = ${M} AND qty2 IS NOT NULL AND unit2 IS NOT NULL
    ) q JOIN unit_name u ON u.unit = q.unit
    GROUP BY q.category_id, u.unit_name ORDER BY q.category_id, quantity DESC, u.unit_name`);

  // Products at the report's HS level: monthly sums, ranks, the top product of each month and its run at the top.
  await connection.run(`CREATE OR REPLACE TEMP TABLE q_product_month AS
    SELECT mi, substr(hs_code, 1, ${level}) AS product, sum(value_usd) AS v
    FROM q_focus WHERE hs_code IS NOT NULL AND length(hs_code) >= ${level} GROUP BY mi, product`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE q_product_rank AS
    SELECT mi, product, v, CAST(row_number() OVER (PARTITION BY mi ORDER BY v DESC, product) AS INTEGER) AS rank
    FROM q_product_month WHERE v > 0`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE q_top_streak AS
    WITH tops AS (SELECT mi, product FROM q_product_rank WHERE rank = 1 AND mi IN (SELECT mi FROM q_covered)),
    islands AS (SELECT mi, product, mi - row_number() OVER (PARTITION BY product ORDER BY mi) AS island FROM tops)
    SELECT mi, product, CAST(mi - min(mi) OVER (PARTITION BY product, island) + 1 AS INTEGER) AS streak FROM islands`);
  const describeProducts = (where: string, valueOf: string): string => `
    SELECT p.product AS code, ${valueOf} AS value, now.rank AS rank, prev_rank.rank AS prev_rank,
      CASE WHEN EXISTS (SELECT 1 FROM q_covered WHERE mi = ${M - 1}) THEN coalesce(pv.v, 0) END AS prev_value,
      pct(${valueOf}, CASE WHEN EXISTS (SELECT 1 FROM q_covered WHERE mi = ${M - 12}) THEN coalesce(yv.v, 0) END) AS yoy,
      coalesce(st.streak, 0) AS streak, coalesce(pst.streak, 0) AS prev_streak
    FROM (${where}) p
    LEFT JOIN q_product_rank now ON now.mi = ${M} AND now.product = p.product
    LEFT JOIN q_product_rank prev_rank ON prev_rank.mi = ${M - 1} AND prev_rank.product = p.product
    LEFT JOIN q_product_month pv ON pv.mi = ${M - 1} AND pv.product = p.product
    LEFT JOIN q_product_month yv ON yv.mi = ${M - 12} AND yv.product = p.product
    LEFT JOIN q_top_streak st ON st.mi = ${M} AND st.product = p.product
    LEFT JOIN q_top_streak pst ON pst.mi = ${M - 1} AND pst.product = p.product`;
  const products = await rows(`${describeProducts(`SELECT product FROM q_product_rank WHERE mi = ${M} AND rank <= ${definition.top.products}`, 'now.v')} ORDER BY rank`);
  const [prevTop] = await rows(describeProducts(`SELECT product FROM q_product_rank WHERE mi = ${M - 1} AND rank = 1`, 'coalesce(now.v, 0)'));

  // The e-commerce channel: value, and items = the second quantity of the month's rows, its biggest unit.
  let ecommerce: StatsFigures['ecommerce'] = null;
  if (definition.ecommerce !== null) {
    const id = sqlString(definition.ecommerce.id);
    const [channel] = await rows(`
      SELECT coalesce((SELECT value FROM q_category_monthly WHERE key = ${id} AND mi = ${M}), 0) AS value,
        (SELECT value FROM q_category_monthly WHERE key = ${id} AND mi = ${M - 1}) AS prev,
        (SELECT value FROM q_category_monthly WHERE key = ${id} AND mi = ${M - 12}) AS year_ago`);
    const [items] = await rows(`
      SELECT unit2, sum(qty2) AS items FROM q_category_rows
      WHERE category_id = ${id} AND mi = ${M} AND qty2 IS NOT NULL GROUP BY unit2 ORDER BY items DESC LIMIT 1`);
    ecommerce = {
      categoryId: definition.ecommerce.id,
      valueUsd: Number(channel?.value ?? 0),
      items: items === undefined ? null : (num(items.items) ?? 0),
      itemsUnit: items === undefined ? null : str(items.unit2),
      prevMonthValueUsd: num(channel?.prev),
      yearAgoValueUsd: num(channel?.year_ago),
    };
  }

  const partnerFigures = partners.map((row) => ({
    code: String(row.code),
    valueUsd: Number(row.value),
    sharePct: num(row.share),
    rank: Number(row.rank),
    prevRank: num(row.prev_rank),
    prevMonthValueUsd: num(row.prev_value),
    yearAgoValueUsd: num(row.year_ago_value),
    yoyPct: num(row.yoy),
  }));
  const focusRow = partnerFigures.find((row) => row.code === definition.focusPartner);
  const rankAt = (index: number): number | null => num(rankHistory.find((row) => row.month === monthKey(index))?.rank);
  const productOf = (row: Row): ProductFigures => ({
    hsCode: String(row.code),
    valueUsd: Number(row.value),
    prevMonthValueUsd: num(row.prev_value),
    yoyPct: num(row.yoy),
    rank: num(row.rank),
    prevRank: num(row.prev_rank),
    topStreakMonths: Number(row.streak),
    prevTopStreakMonths: Number(row.prev_streak),
  });

  return {
    coverage: { firstMonth: String(coverage?.first), lastMonth: String(coverage?.last), months: Number(coverage?.n) },
    totalValueUsd: Number(total?.total ?? 0),
    headline: {
      valueUsd: num(head?.cur),
      prevMonthValueUsd: num(head?.prev),
      momPct: num(head?.mom),
      yearAgoValueUsd: num(head?.year_ago),
      yoyPct: num(head?.yoy),
      highestInMonths: num(head?.highest_in_months),
      highestSince: str(head?.highest_since),
      riseStreakMonths: Number(head?.streak ?? 0),
      prevRiseStreakMonths: Number(head?.prev_streak ?? 0),
      multiples: multiples.map((row) => ({ month: String(row.month), valueUsd: num(row.value), ratio: num(row.ratio) })),
    },
    focusPartner: {
      rank: focusRow?.rank ?? null,
      // Last month's rank exists even when the partner did not trade this month.
      prevRank: rankAt(M - 1),
      sharePct: focusRow?.sharePct ?? null,
      above: focusRow === undefined ? [] : partnerFigures.filter((row) => row.rank < focusRow.rank).map((row) => row.code),
    },
    partners: partnerFigures,
    categories: categories.map((row) => ({
      id: String(row.id),
      valueUsd: Number(row.value),
      prevMonthValueUsd: num(row.prev),
      momPct: num(row.mom),
      yearAgoValueUsd: num(row.year_ago),
      yoyPct: num(row.yoy),
      rank: Number(row.rank),
      highestInMonths: num(row.highest_in_months),
      highestSince: str(row.highest_since),
      quantities: quantities
        .filter((quantity) => quantity.category_id === row.id)
        .map((quantity) => ({ unitName: String(quantity.unit_name), quantity: Number(quantity.quantity) })),
    })),
    products: products.map(productOf),
    prevTopProduct: prevTop === undefined ? null : { ...productOf(prevTop), prevRank: 1 },
    ecommerce,
    series: series.map((row) => ({ month: String(row.month), valueUsd: num(row.value) })),
    focusRankHistory: rankHistory.map((row) => ({ month: String(row.month), rank: num(row.rank) })),
  };
}
