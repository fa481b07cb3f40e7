/** A closed range of dates, `YYYY-MM-DD`. */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

/** Inputs of {@link planDimDateRange}. */
export interface DimDateRangeInput {
  /** Range `dim_date` covers now; `null` when the table is empty (or in a rebuild). */
  readonly stored: DateRange | null;
  /** Earliest and latest trade date in the data (stored and staged); `null` when there is none. */
  readonly data: DateRange | null;
  /** The run's session date: `dim_date` always reaches Dec 31 of the year after it. */
  readonly asOf: string;
}

/**
 * The range `dim_date` must cover: Jan 1 of the earliest data year to Dec 31 of the year after the later of the
 * run date and the latest data — never shrinking what is stored. Returns `null` when the stored range already
 * covers it (nothing to write).
 */
export function planDimDateRange(input: DimDateRangeInput): DateRange | null {
  const years = [Number(input.asOf.slice(0, 4))];
  if (input.data) years.push(Number(input.data.from.slice(0, 4)), Number(input.data.to.slice(0, 4)));
  let from = `${Math.min(...years)}-01-01`;
  let to = `${Math.max(...years) + 1}-12-31`;
  if (input.stored) {
    if (input.stored.from < from) from = input.stored.from;
    if (input.stored.to > to) to = input.stored.to;
    if (from === input.stored.from && to === input.stored.to) return null;
  }
  return { from, to };
}
