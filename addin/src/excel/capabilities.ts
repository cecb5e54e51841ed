/**
 * What the host's Excel can do beyond ExcelApi 1.8, the manifest's minimum. Each feature of a
 * later set has a replacement where it is missing (README, «Надстройка в Excel»).
 */
export interface Capabilities {
  /** Notes on cells (ExcelApi 1.18); without them a faulty cell gets its colour only. */
  notes: boolean;
  /** Merged areas (ExcelApi 1.13); without them the reader finds values beside their labels. */
  mergedAreas: boolean;
  /** Fill patterns (ExcelApi 1.9): tells «no fill» from a white fill when marks are removed. */
  fillPattern: boolean;
  /** Copying formats (ExcelApi 1.9): a column fill adds looks like its table; else plain cells. */
  copyFormats: boolean;
  /**
   * Cells by kind (ExcelApi 1.9): a fill learns which cells hold formulas while it reads the
   * values; without it, it asks about the cells it would write in a sync of its own.
   */
  formulaCells: boolean;
  /**
   * Print set-up, filters and indents (ExcelApi 1.9): a new card and the summary sheets print
   * on A4 landscape and the lists filter; without them the sheets are the same, unprinted.
   */
  pageLayout: boolean;
}

/**
 * The capabilities of the running host, from Office's own check of requirement sets.
 *
 * @example capabilitiesOf((name, version) => Office.context.requirements.isSetSupported(name, version))
 */
export function capabilitiesOf(
  isSetSupported: (name: string, version: string) => boolean,
): Capabilities {
  const excel = (version: string) => {
    try {
      return isSetSupported("ExcelApi", version);
    } catch {
      // Some older hosts throw for a version they have never heard of: not supported.
      return false;
    }
  };
  const notes = excel("1.18");
  const mergedAreas = excel("1.13");
  const set19 = excel("1.9");
  return {
    notes,
    mergedAreas,
    fillPattern: set19,
    copyFormats: set19,
    formulaCells: set19,
    pageLayout: set19,
  };
}
