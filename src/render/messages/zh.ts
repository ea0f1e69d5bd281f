/** 简体中文 report wording ("2022年8月", "第5位", "5680.3万美元"): the static labels of a zh report. */
import { withCommas } from '../../narrative/format.js';
import type { Messages } from './types.js';

/** One decimal, dropped when it is zero: 12.0 -> "12". */
function oneDecimal(value: number): string {
  return withCommas(Number((Math.round(value * 10) / 10).toFixed(1)));
}

/** Chinese newsrooms count money in 万 (10^4) and 亿 (10^8). @example chineseMoney(56_803_412) // "5680.3万美元" */
function chineseMoney(valueUsd: number): string {
  const sign = valueUsd < 0 ? '-' : '';
  const magnitude = Math.abs(valueUsd);
  // Decide the unit on the rounded figure, so 99,999,000 prints as "1亿美元", not "10000万美元".
  if (Math.round(magnitude / 1e7) >= 10) return `${sign}${oneDecimal(magnitude / 1e8)}亿美元`;
  if (Math.round(magnitude / 1e3) >= 10) return `${sign}${oneDecimal(magnitude / 1e4).replace(/,/g, '')}万美元`;
  return `${sign}${withCommas(Math.round(magnitude))}美元`;
}

export const zh: Messages = {
  lang: 'zh-Hans',

  monthLong: (year, month) => `${year}年${month}月`,
  monthShort: (year, month) => `${year}年${month}月`,
  ordinal: (rank) => `第${rank}位`,
  money: chineseMoney,
  percent: (signed) => `${signed}%`,
  upFrom: (prev) => `较上月${prev}上升`,
  downFrom: (prev) => `较上月${prev}下降`,
  unchanged: '与上月持平',
  newEntry: '新上榜',
  unitLabel: (unit) => unit,
  missing: '–',

  briefLabel: '月度贸易简报',
  edition: (edition) => `第${edition}版`,
  flowTo: (flow, partner, month) => `${month}${flow === 'export' ? `对${partner}出口` : `自${partner}进口`}`,
  comparedWith: (month) => `与${month}相比`,
  rankAmong: (region) => `在${region}贸易伙伴中的排名`,
  highestInMonths: (months) => `${months}个月来最高`,
  highestOnRecord: '有记录以来最高',
  lastHigher: (month) => `上一次更高为${month}`,
  recordSince: (month) => `自${month}有数据以来`,
  highestFigureLabel: '高点',
  yoyLabel: '同比',
  momLabel: '环比',
  syntheticTitle: '合成数据（SYNTHETIC DATA）',
  syntheticText:
    '本报告中的数字来自 tradebrief 随附的合成样本数据。其格式与规模模仿海关总署的导出文件，并复现了少数已公布的数字，' +
    '但并非官方统计，不得作为官方数据引用。',

  summaryHeading: '摘要',
  trendHeading: '月度走势',
  partnersHeading: '贸易伙伴',
  categoriesHeading: '商品类别',
  productsHeading: '主要商品',
  contextHeading: '跨境电商与全国背景',
  methodologyHeading: '方法与数据说明',
  provenanceHeading: '数据来源记录',
  correctionHeading: '更正版',
  correctionIntro: (edition) => `本报告为第${edition}版。因源数据或报告本身修订，本版取代此前版本。`,
  correctionNone: '与此前版本相比，数字和文字均无变化。',
  correctionBefore: '修订前',
  correctionAfter: '修订后',

  colMonth: '月份',
  colValue: '金额',
  colYearEarlier: '上年同期',
  colRank: '排名',
  colPrevRank: '变化',
  colPartner: '贸易伙伴',
  colShare: '占比',
  colYoy: '同比',
  colMom: '环比',
  colCategory: '类别',
  colHighest: '新高',
  colQuantities: '数量',
  colHsCode: 'HS编码',
  colProduct: '商品',
  colFigure: '指标',
  partnersCaption: (shown, total) => `按金额排列的前${shown}位（共${total}个贸易伙伴）。`,
  trendCaption: (months) => `最近${months}个月。`,
  focusMarker: '关注伙伴',

  ecommerceHeading: '跨境电商（B2C）',
  ecommerceValue: '金额',
  ecommerceItems: '件数',
  ecommercePrevMonth: '上月',
  ecommerceYearAgo: '上年同期',
  nationalHeading: (label, partner) => `${label}对${partner}出口总额`,
  nationalValue: '金额',
  nationalYearAgo: '上年同期',
  nationalYoy: '同比',
  focusYoy: (region) => `${region}同比`,
  buckedTrend: '与全国走势相反',
  yes: '是',
  no: '否',
  lastSameSign: '全国走势方向相同的上一个月',

  sourcesHeading: '数据来源',
  sources: [
    '中华人民共和国海关总署海关统计数据在线查询平台（stats.customs.gov.cn）：按收发货人注册地、贸易伙伴、商品编码和贸易方式统计的月度金额与数量。',
    '联合国商品贸易统计数据库（comtradeplus.un.org）：中国全国月度数据，仅用于全国背景。',
  ],
  definitionsHeading: '定义',
  definitions: [
    { term: '收发货人注册地', text: '申报的收发货人注册所在的省份，而不是货物的生产地，也不是货物的出境或入境地。' },
    { term: '排名', text: '当月按金额排序的位置，1为最大；金额相同时按海关代码排序。' },
    { term: '排名变化', text: '与上月排名相比；上月没有贸易时为“新上榜”。' },
    { term: '同比', text: '与上年同月相比；该月数据缺失或为零时不计算。' },
    { term: 'N个月来最高', text: '本月为最近N个月（含本月）中最高，且此前一个月更高；“上一次更高”即指该月。“有记录以来最高”指数据中没有更高的月份。' },
  ],
  revisionsHeading: '数据修订',
  revisions: [
    '海关总署在首次公布后会修订月度数据。本报告依据“数据来源记录”中所列日期下载的数据计算；数据修订后将重新生成该月报告作为新版本，并在开头列出有变化的数字。',
  ],
  caveatsHeading: '注意事项',
  caveats: [
    '金额为海关总署公布的美元整数，未做任何币种换算。',
    '数量只在同一计量单位内相加（双、千克、件等从不相加）。',
    '百分比保留一位小数；占比之和未必等于100%。',
  ],
  contact: '更正联系',

  dataAsOf: '数据截至',
  editionLabel: '版本',
  generatedAt: '生成时间',
  toolVersion: '工具版本',
  inputFiles: '输入文件',
  colFile: '文件',
  colRows: '行数',
  colSha256: 'SHA-256',
};
