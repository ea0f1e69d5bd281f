import { RULES } from '../validate/rule-ids.js';
import type { ProblemList } from '../validate/problem-list.js';
import { parseNumberCell, textCell } from './cells.js';

/** A column the reader uses: where it is and what the file calls it (for messages). */
export interface Column {
  index: number;
  name: string;
}

/**
 * Reads the cells of one data row, reporting each bad cell at file:row:column. `ok` turns false on the
 * first error so the reader can drop the row after collecting every problem in it (not just the first).
 */
export class RowCells {
  ok = true;

  constructor(
    private readonly cells: readonly string[],
    private readonly file: string,
    readonly row: number,
    private readonly problems: ProblemList,
  ) {}

  raw(column: Column | undefined): string | undefined {
    return column === undefined ? undefined : this.cells[column.index];
  }

  fail(rule: string, column: Column | undefined, message: string): void {
    this.ok = false;
    this.problems.error(rule, { file: this.file, row: this.row, ...(column ? { column: column.name } : {}) }, message);
  }

  /** A number; null when the cell is missing and that is allowed. */
  number(column: Column | undefined, options: { required: boolean }): number | null {
    if (column === undefined) return null;
    const raw = this.raw(column) ?? '';
    const cell = parseNumberCell(raw);
    switch (cell.kind) {
      case 'number':
        return cell.value;
      case 'missing':
        if (options.required) this.fail(RULES.valueMissing, column, `expected a value, found ${quote(raw)}`);
        return null;
      case 'not-finite':
        this.fail(RULES.valueNotFinite, column, `expected a finite number, found ${quote(raw)}`);
        return null;
      case 'not-numeric':
        this.fail(RULES.valueNotNumeric, column, `expected a number such as 2,709 or 2709, found ${quote(raw)}`);
        return null;
    }
  }

  /** A code of a dimension the file is broken down by: it must be there ("?" would silently mean "all"). */
  code(column: Column | undefined): string | null {
    if (column === undefined) return null;
    const value = textCell(this.raw(column));
    if (value === null) this.fail(RULES.codeMissing, column, `expected a code, found ${quote(this.raw(column) ?? '')}`);
    return value;
  }

  /** Free text such as a unit name; null when missing. */
  text(column: Column | undefined): string | null {
    return column === undefined ? null : textCell(this.raw(column));
  }
}

/** Shows a cell in a message, newlines and all, without being confusable with the message itself. */
export function quote(raw: string): string {
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  return JSON.stringify(shown);
}
