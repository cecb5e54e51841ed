/**
 * Hands bytes to the user as a downloaded file: the browser mode's results (filled cards, a
 * new card, the summary) go nowhere but the user's own downloads folder.
 */
export function download(name: string, bytes: Uint8Array, type = XLSX_TYPE): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it started; a minute is ample for the browser to take it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * A name for a file derived from another: «Иванова.xlsx» → «Иванова (заполнено).xlsx».
 *
 * @example derivedName("Иванова.xlsx", "заполнено") // "Иванова (заполнено).xlsx"
 */
export function derivedName(name: string, note: string): string {
  const dot = name.lastIndexOf(".");
  const base = dot > 0 ? name.slice(0, dot) : name;
  return `${base} (${note}).xlsx`;
}
