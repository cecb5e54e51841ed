import { useState } from "react";

export interface Work<Result> {
  busy: boolean;
  progress: number | undefined;
  result: Result | null;
  failure: string | null;
  run(task: (onProgress: (done: number, total: number) => void) => Promise<Result>): void;
  attempt(task: () => Promise<void>): Promise<void>;
}

/** A long action's state: busy with its progress, then its result or what went wrong. */
export function useWork<Result>(): Work<Result> {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number | undefined>(undefined);
  const [result, setResult] = useState<Result | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  return {
    busy,
    progress,
    result,
    failure,
    run(task) {
      setBusy(true);
      setProgress(undefined);
      setFailure(null);
      task((done, total) => setProgress(total > 0 ? done / total : undefined))
        .then(setResult, (error: unknown) => setFailure(describe(error)))
        .finally(() => setBusy(false));
    },
    async attempt(task) {
      setFailure(null);
      try {
        await task();
      } catch (error) {
        setFailure(describe(error));
      }
    },
  };
}

/** What went wrong, for a methodist: Office's own message where there is one. */
export function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ItemNotFound") {
    return "Лист или ячейка не найдены: возможно, лист переименован или удалён. Проверьте книгу ещё раз.";
  }
  const message = error instanceof Error ? error.message : String(error);
  return `${message}`;
}
