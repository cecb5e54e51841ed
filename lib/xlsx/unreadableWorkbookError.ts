/** Why a file could not be read as a workbook. */
export type UnreadableReason =
  /** 0 bytes. */
  | "empty"
  /** Neither a zip, an OLE container nor text: some other binary. */
  | "not-zip"
  /** A zip cut short: its central directory or an entry's data is missing. */
  | "truncated"
  /** A complete zip whose content does not inflate or parse, even after repair. */
  | "corrupt"
  /** A zip or OLE file, but not a workbook (a Word document, a PDF, an archive…). */
  | "not-workbook"
  /** A workbook saved with a password (an OLE container with `EncryptionInfo`), or a password zip. */
  | "encrypted"
  /** Excel 97–2003 (.xls, an OLE container with a `Workbook` stream). */
  | "xls"
  /** Excel binary workbook (.xlsb). */
  | "xlsb"
  /** OpenDocument spreadsheet (.ods). */
  | "ods"
  /** CSV or other plain text. */
  | "csv"
  /** A web page saved under a spreadsheet's name, as some systems export "Excel". */
  | "html"
  /** Excel 2003 XML Spreadsheet. */
  | "xml2003"
  /** The zip declares more uncompressed data than a card can hold (a zip bomb or not a card). */
  | "too-large";

/**
 * A file that cannot be read as a workbook. The message, in Russian, names the file and says
 * what to do; `reason` is for code.
 *
 * @example
 * new UnreadableWorkbookError("xls", "карта.xls").message
 * // "Файл «карта.xls» — старый формат Excel 97–2003: откройте его и сохраните как .xlsx"
 */
export class UnreadableWorkbookError extends Error {
  override readonly name = "UnreadableWorkbookError";

  constructor(
    readonly reason: UnreadableReason,
    readonly file: string | undefined,
    options: { detail?: string; cause?: unknown } = {},
  ) {
    super(describe(reason, file, options.detail), { cause: options.cause });
  }
}

const RESAVE = "откройте его в Excel или LibreOffice и сохраните как книгу Excel (.xlsx)";

function describe(reason: UnreadableReason, file: string | undefined, detail?: string): string {
  const subject = file === undefined ? "Файл" : `Файл «${file}»`;
  switch (reason) {
    case "empty":
      return `${subject} пуст (0 байт): скопируйте или скачайте его заново`;
    case "not-zip":
      return `${subject} — не книга Excel и не таблица: проверьте, тот ли это файл; если он открывается в другой программе, сохраните его из неё как .xlsx`;
    case "truncated":
      return `${subject} обрезан — скачан или скопирован не полностью: скопируйте или скачайте его заново`;
    case "corrupt":
      return `${subject} повреждён${detail ? ` (${detail})` : ""}: ${RESAVE}`;
    case "not-workbook":
      return `${subject} — ${detail ?? "архив"}, а не книга Excel: выберите файл карты ИОМ (.xlsx)`;
    case "encrypted":
      return `${subject} защищён паролем: откройте его в Excel, снимите пароль (Файл › Сведения › Защитить книгу › Зашифровать с использованием пароля) и сохраните снова`;
    case "xls":
      return `${subject} — старый формат Excel 97–2003: откройте его и сохраните как .xlsx`;
    case "xlsb":
      return `${subject} — двоичная книга Excel (.xlsb): откройте её в Excel и сохраните как .xlsx`;
    case "ods":
      return `${subject} — таблица OpenDocument (.ods): откройте её в LibreOffice или МойОфис и сохраните как книгу Excel (.xlsx)`;
    case "csv":
      return `${subject} — текстовый файл (CSV или текст), а не книга Excel: ${RESAVE}`;
    case "html":
      return `${subject} — веб-страница (HTML), сохранённая под именем таблицы: ${RESAVE}`;
    case "xml2003":
      return `${subject} — таблица XML 2003: откройте её в Excel и сохраните как .xlsx`;
    case "too-large":
      return `${subject} слишком велик после распаковки${detail ? ` (${detail})` : ""}: это не карта ИОМ или файл повреждён; если это карты, разделите их на несколько книг`;
  }
}
