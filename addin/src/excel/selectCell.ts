/**
 * Shows a finding's cell: activates its sheet and selects the cell. One sync.
 *
 * @throws the Office.js error ItemNotFound where the sheet was renamed or deleted since.
 */
export async function selectCell(
  context: Excel.RequestContext,
  sheet: string,
  cell: string,
): Promise<void> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  worksheet.getRange(cell).select();
  await context.sync();
}
