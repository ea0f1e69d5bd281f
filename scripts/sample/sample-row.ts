/**
 * One generated row: a (month, HS8 line, partner, regime) cell of Xinjiang's exports. The two prices travel
 * with the row so quantities can be derived again after calibration changes the value.
 */
export interface SampleRow {
  /** "YYYY-MM". */
  month: string;
  hsCode: string;
  partner: string;
  regime: string;
  valueUsd: number;
  qty1: number;
  /** 0 when the line has no second unit. */
  qty2: number;
  usdPerUnit1: number;
  unit2PerUnit1: number;
}

/**
 * The row with a new value and the quantities that value implies at the row's unit price (whole units, as
 * GACC publishes them; a small shipment can round to 0).
 *
 * @example withValue({ ...row, usdPerUnit1: 0.2, unit2PerUnit1: 0.04 }, 1000) // qty1 5000, qty2 200
 */
export function withValue(row: SampleRow, valueUsd: number): SampleRow {
  const exactQty1 = valueUsd / row.usdPerUnit1;
  return { ...row, valueUsd, qty1: Math.round(exactQty1), qty2: Math.round(exactQty1 * row.unit2PerUnit1) };
}

/** Sort order of a GACC export queried with `orderType=CODE ASC`: commodity, then partner, then regime. */
export function compareRows(a: SampleRow, b: SampleRow): number {
  return (
    a.month.localeCompare(b.month) ||
    a.hsCode.localeCompare(b.hsCode) ||
    a.partner.localeCompare(b.partner) ||
    a.regime.localeCompare(b.regime)
  );
}
