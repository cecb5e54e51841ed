import type { Ref } from "react";

export interface FileInputProps {
  ref: Ref<HTMLInputElement>;
  /** What the browser's file dialog offers: workbooks unless said. */
  accept?: string;
  /** Several files at once (workbooks), or one (a configuration). */
  multiple?: boolean;
  testId?: string;
  onFiles: (files: File[]) => void;
}

/**
 * The hidden file input behind a panel's «Открыть…» button (`ref.current.click()`): hands on
 * the files picked, never an empty choice, and then forgets them, so that a file picked again
 * after it was corrected is read again rather than ignored as no change.
 */
export function FileInput({
  ref,
  accept = ".xlsx,.xlsm",
  multiple = true,
  testId,
  onFiles,
}: FileInputProps) {
  return (
    <input
      ref={ref}
      hidden
      type="file"
      accept={accept}
      multiple={multiple}
      data-testid={testId}
      onChange={(event) => {
        const files = [...(event.target.files ?? [])];
        event.target.value = "";
        if (files.length > 0) {
          onFiles(files);
        }
      }}
    />
  );
}
