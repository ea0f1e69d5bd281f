/**
 * The GACC query-platform export headers, Chinese and English (FORMATS.md §2a), mapped to what they mean.
 * Matching is on the trimmed, case-folded, space-collapsed header so "US Dollar" and "US dollar" both work.
 */
export type GaccField =
  | 'month'
  | 'hsCode'
  | 'hsName'
  | 'partner'
  | 'partnerName'
  | 'regime'
  | 'regimeName'
  | 'region'
  | 'regionName'
  | 'qty1'
  | 'unit1'
  | 'qty2'
  | 'unit2'
  | 'valueUsd'
  | 'valueCny';

const HEADER_NAMES: Record<GaccField, readonly string[]> = {
  month: ['数据年月', 'Date of data'],
  hsCode: ['商品编码', 'Commodity code'],
  hsName: ['商品名称', 'Commodity'],
  partner: ['贸易伙伴编码', 'Trading partner code'],
  partnerName: ['贸易伙伴名称', 'Trading partner'],
  regime: ['贸易方式编码', 'Customs Regime code'],
  regimeName: ['贸易方式名称', 'Customs Regime'],
  region: ['注册地编码', 'Locations of importers and exporters code'],
  regionName: ['注册地名称', 'Locations of importers and exporters'],
  qty1: ['第一数量', 'Quantity'],
  unit1: ['第一计量单位', 'Unit'],
  // Both spellings occur in real English exports.
  qty2: ['第二数量', 'Supplimentary Quantity', 'Supplementary Quantity'],
  unit2: ['第二计量单位', 'Supplimentary Unit', 'Supplementary Unit'],
  valueUsd: ['美元', 'US dollar'],
  valueCny: ['人民币', 'Renminbi Yuan'],
};

function fold(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

const FIELD_BY_HEADER = new Map<string, GaccField>(
  (Object.entries(HEADER_NAMES) as [GaccField, readonly string[]][]).flatMap(([field, names]) =>
    names.map((name) => [fold(name), field] as const),
  ),
);

/** The field a GACC header cell stands for, or undefined. */
export function gaccFieldOf(header: string): GaccField | undefined {
  return FIELD_BY_HEADER.get(fold(header));
}

/** The canonical (Chinese) header of a field, for messages. */
export function gaccHeaderOf(field: GaccField): string {
  return HEADER_NAMES[field][0] ?? field;
}

/** A header is a GACC export when it has a value column (美元/人民币) and another known column. */
export function looksLikeGaccHeader(header: readonly string[]): boolean {
  const fields = header.map(gaccFieldOf);
  const hasValue = fields.includes('valueUsd') || fields.includes('valueCny');
  return hasValue && fields.filter((field) => field !== undefined).length >= 2;
}

/** For "unknown header" messages: the Chinese export header in full. */
export const GACC_EXAMPLE_HEADER = [
  '数据年月', '商品编码', '商品名称', '贸易伙伴编码', '贸易伙伴名称', '贸易方式编码', '贸易方式名称',
  '注册地编码', '注册地名称', '第一数量', '第一计量单位', '第二数量', '第二计量单位', '美元',
];
