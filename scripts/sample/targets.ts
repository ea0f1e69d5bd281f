/**
 * The published figures the synthetic sample must reproduce (the SCMP story of September 2022 on Xinjiang's
 * August exports to the US, and the national series), written as the cells calibration sets. Everything else
 * in the sample is invented. Values are whole US dollars; the comments give the figure each one yields.
 */

/** A product group whose value (and optionally quantity) is set exactly in a month. */
export interface GroupTarget {
  id: string;
  prefixes: readonly string[];
  valueUsd: number;
  /** Sum of 第一数量 over the group's rows. */
  qty1?: number;
  /** Sum of 第二数量 over the group's rows. */
  qty2?: number;
  /** The group is one HS6 line by design and may exceed the month's per-line cap. */
  uncapped?: boolean;
}

/** What calibration fixes for the focus partner in one month. */
export interface MonthTarget {
  month: string;
  totalUsd?: number;
  /** Applied in order; a row belongs to the first group that matches it. */
  groups?: readonly GroupTarget[];
  /** Every other HS6 line of the month stays at or below this. */
  hs6CapUsd?: number;
}

export const FOCUS_PARTNER = '502';

const CHRISTMAS = ['950510'];
const TOYS = ['9503'];
const SOCKS = ['6115'];
const APPAREL = ['61', '62'];
const ECOMMERCE = ['98050000'];

export const US_MONTH_TARGETS: readonly MonthTarget[] = [
  // Apparel peaks here, so August 2022's apparel is "the highest since October 2020".
  { month: '2020-10', groups: [{ id: 'apparel', prefixes: APPAREL, valueUsd: 9_612_458 }] },
  // 56,803,412 / 8,199,108 = 6.928: "+592.8 % on a year earlier".
  { month: '2021-08', totalUsd: 8_199_108 },
  // The peak that August 2022 does not reach: "the most in 10 months".
  { month: '2021-10', totalUsd: 64_618_207 },
  { month: '2022-05', totalUsd: 9_874_326 },
  // 56,803,412 / 8,291,563 = 6.85: "almost seven times June"; Christmas goods not yet on top.
  {
    month: '2022-06',
    totalUsd: 8_291_563,
    groups: [{ id: 'christmas', prefixes: CHRISTMAS, valueUsd: 312_406, uncapped: true }],
  },
  // 56,803,412 / 25,024,871 = 2.27: "more than double July"; Christmas goods top for the first month.
  {
    month: '2022-07',
    totalUsd: 25_024_871,
    groups: [{ id: 'christmas', prefixes: CHRISTMAS, valueUsd: 2_634_118, uncapped: true }],
    hs6CapUsd: 2_350_000,
  },
  {
    month: '2022-08',
    totalUsd: 56_803_412,
    groups: [
      { id: 'christmas', prefixes: CHRISTMAS, valueUsd: 4_803_215, uncapped: true },
      { id: 'toys', prefixes: TOYS, valueUsd: 2_497_530, uncapped: true },
      // "nearly 8 million pairs of socks"
      { id: 'socks', prefixes: SOCKS, valueUsd: 1_618_942, qty1: 7_912_306 },
      // "45 items … worth US$3,786"
      { id: 'ecommerce', prefixes: ECOMMERCE, valueUsd: 3_786, qty2: 45, uncapped: true },
      // With the socks: apparel 9,052,718, "more than US$9 million".
      { id: 'apparelOther', prefixes: APPAREL, valueUsd: 7_433_776 },
    ],
    hs6CapUsd: 2_300_000,
  },
  {
    month: '2022-09',
    totalUsd: 21_050_437,
    groups: [
      { id: 'syntheticSocks', prefixes: ['611596'], valueUsd: 1_563_284, qty1: 7_958_112, uncapped: true },
      { id: 'christmas', prefixes: CHRISTMAS, valueUsd: 1_512_067, uncapped: true },
    ],
    hs6CapUsd: 1_420_000,
  },
];

/** Apparel (HS 61+62) to the US stays below this from Nov 2020 to Jul 2022, under August 2022's 9.05 M. */
export const APPAREL_CAP = { prefixes: APPAREL, fromMonth: '2020-11', toMonth: '2022-07', maxUsd: 8_800_000 } as const;

/** Where the US ranks among Xinjiang's partners: exactly these partners above it. */
export const US_RANK_TARGETS = [
  { month: '2022-08', above: ['145', '146', '149', '344'] },
  { month: '2022-07', rank: 12 },
] as const;

/** China's total exports to the US, Aug 2022 on Aug 2021: −3.8 %. */
export const NATIONAL_AUG_2022_YOY = -0.038;
