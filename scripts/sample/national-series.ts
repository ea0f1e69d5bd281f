import { makeRng } from './rng.js';
import { monthRange } from './seasons.js';
import { NATIONAL_AUG_2022_YOY } from './targets.js';

/** One month of China's total exports to the US, whole US dollars. */
export interface NationalMonth {
  /** "YYYY-MM". */
  month: string;
  valueUsd: number;
}

// US$ billion, 2019 — of the order of the published monthly figures; invented to the last digit.
const BASE_2019_BILLION = [39.6, 28.8, 28.1, 34.3, 37.1, 38.6, 39.9, 44.3, 43.2, 39.5, 36.0, 36.8];

// Year-on-year growth, %: the 2020 slump with May 2020 the last fall, rebound, then a slowing 2022.
const YOY_PERCENT: Readonly<Record<string, readonly number[]>> = {
  '2020': [-13.0, -27.5, -21.3, -7.9, -1.6, 2.4, 12.1, 20.0, 20.5, 22.5, 46.1, 34.5],
  '2021': [50.2, 87.2, 53.6, 24.8, 20.9, 12.5, 11.4, 16.3, 16.1, 12.9, 4.7, 9.2],
  '2022': [10.9, 13.6, 14.5, 8.1, 11.3, 19.3, 10.9, 0, -11.6, -12.6, -25.4, -19.5],
};

/**
 * China's monthly exports to the US, Jan 2019 – Sep 2022: a seeded 2019, then each month the same month a
 * year earlier times (1 + growth), with August 2022 set to exactly −3.8 % on August 2021.
 *
 * @example nationalSeries('seed').find((m) => m.month === '2022-08')
 */
export function nationalSeries(seed: string): NationalMonth[] {
  const series: NationalMonth[] = [];
  const byMonth = new Map<string, number>();
  for (const month of monthRange('2019-01', '2022-09')) {
    const [year, calMonth] = month.split('-').map(Number) as [number, number];
    const rng = makeRng(seed, 'national', month);
    let valueUsd: number;
    if (year === 2019) {
      valueUsd = Math.round((BASE_2019_BILLION[calMonth - 1] ?? 40) * 1e9 * rng.logNormal(0.02));
    } else {
      const yearAgo = byMonth.get(`${year - 1}-${String(calMonth).padStart(2, '0')}`) ?? 0;
      const growth =
        month === '2022-08'
          ? NATIONAL_AUG_2022_YOY
          : ((YOY_PERCENT[String(year)]?.[calMonth - 1] ?? 0) + rng.uniform(-0.4, 0.4)) / 100;
      valueUsd = Math.round(yearAgo * (1 + growth));
    }
    byMonth.set(month, valueUsd);
    series.push({ month, valueUsd });
  }
  return series;
}

/** The columns of a UN Comtrade "TradeData" CSV download, in order. */
export const COMTRADE_COLUMNS = [
  'typeCode', 'freqCode', 'refPeriodId', 'refYear', 'refMonth', 'period', 'reporterCode', 'reporterISO',
  'reporterDesc', 'flowCode', 'flowDesc', 'partnerCode', 'partnerISO', 'partnerDesc', 'partner2Code',
  'partner2ISO', 'partner2Desc', 'classificationCode', 'classificationSearchCode', 'isOriginalClassification',
  'cmdCode', 'cmdDesc', 'aggrLevel', 'isLeaf', 'customsCode', 'customsDesc', 'mosCode', 'motCode', 'motDesc',
  'qtyUnitCode', 'qtyUnitAbbr', 'qty', 'isQtyEstimated', 'altQtyUnitCode', 'altQtyUnitAbbr', 'altQty',
  'isAltQtyEstimated', 'netWgt', 'isNetWgtEstimated', 'grossWgt', 'isGrossWgtEstimated', 'cifvalue', 'fobvalue',
  'primaryValue', 'legacyEstimationFlag', 'isReported', 'isAggregate',
] as const;

/**
 * The series as a Comtrade CSV: reporter China (156), flow X, partner USA (842), HS (H6) TOTAL, all customs
 * procedures (C00) and modes of transport (0); FOB value = primary value, no quantities, as for a total.
 *
 * @example formatComtradeCsv([{ month: '2022-08', valueUsd: 49_700_000_000 }]).split('\n')[1]?.startsWith('C,M,20220801')
 */
export function formatComtradeCsv(series: readonly NationalMonth[]): string {
  const lines = [COMTRADE_COLUMNS.join(',')];
  for (const { month, valueUsd } of series) {
    const [year, calMonth] = month.split('-') as [string, string];
    const record: Record<(typeof COMTRADE_COLUMNS)[number], string> = {
      typeCode: 'C', freqCode: 'M', refPeriodId: `${year}${calMonth}01`, refYear: year,
      refMonth: String(Number(calMonth)), period: `${year}${calMonth}`, reporterCode: '156', reporterISO: 'CHN',
      reporterDesc: 'China', flowCode: 'X', flowDesc: 'Export', partnerCode: '842', partnerISO: 'USA',
      partnerDesc: 'USA', partner2Code: '0', partner2ISO: 'W00', partner2Desc: 'World', classificationCode: 'H6',
      classificationSearchCode: 'HS',
      // Months before 2022 were reported in HS2017 and converted to H6 by Comtrade.
      isOriginalClassification: Number(year) >= 2022 ? 'True' : 'False', cmdCode: 'TOTAL',
      cmdDesc: 'All Commodities', aggrLevel: '0', isLeaf: 'False', customsCode: 'C00', customsDesc: 'TOTAL CPC',
      mosCode: '0', motCode: '0', motDesc: 'TOTAL MOT', qtyUnitCode: '-1', qtyUnitAbbr: 'N/A', qty: '0',
      isQtyEstimated: 'False', altQtyUnitCode: '-1', altQtyUnitAbbr: 'N/A', altQty: '0', isAltQtyEstimated: 'False',
      netWgt: '0', isNetWgtEstimated: 'False', grossWgt: '0', isGrossWgtEstimated: 'False', cifvalue: '',
      fobvalue: String(valueUsd), primaryValue: String(valueUsd), legacyEstimationFlag: '0', isReported: 'False',
      isAggregate: 'True',
    };
    lines.push(COMTRADE_COLUMNS.map((column) => record[column]).join(','));
  }
  return lines.join('\n') + '\n';
}
