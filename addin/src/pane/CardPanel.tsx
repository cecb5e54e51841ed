import {
  Button,
  Caption1,
  Divider,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
} from "@fluentui/react-components";
import { useRef, useState } from "react";

import type { Config } from "../../../lib/domain/config.js";
import type { OpenedFile } from "../browser/checkFiles.js";
import type { CardFeature, FillDone } from "../features.js";
import type { OpenedFiles } from "./CheckPanel.js";
import { openedText } from "./CheckPanel.js";
import { FileInput } from "./FileInput.js";
import { CELLS, count } from "./groupFindings.js";
import { PendingPanel } from "./PendingPanel.js";
import { useWork } from "./useWork.js";

const CARDS_IN = ["карте", "картах", "картах"] as const;

const FILL_TEXT =
  "«Заполнить» переносит проценты в графу своего уровня и вписывает серым курсивом сроки ИОМ, " +
  "этап, итог сравнения входной и итоговой диагностики и отметки о просрочке.";

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", rowGap: "12px" },
  buttons: { display: "flex", flexWrap: "wrap", gap: "8px" },
  files: { overflowWrap: "anywhere" },
  list: { margin: 0, paddingLeft: "18px", overflowWrap: "anywhere" },
});

/** What the last action said: a line, and for a fill of files a line a file. */
interface Said {
  text: string;
  files?: string[];
  /** Nothing was done (nothing to fill or to put back): said as news, not as success. */
  nothing?: boolean;
}

/** «Карта»: fill the derived cells (and undo it), or start a new card from the template. */
export function CardPanel(
  props: {
    feature: CardFeature | undefined;
    asOf: Date;
    config: Config;
    excel: boolean;
  } & OpenedFiles,
) {
  const styles = useStyles();
  const [teacher, setTeacher] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const work = useWork<Said>();
  const { feature } = props;

  if (!feature) {
    return (
      <PendingPanel
        title="Скоро"
        text="Заполнение карты и новая карта по шаблону появятся здесь в следующей версии надстройки. Проверка карт работает уже сейчас."
      />
    );
  }

  const options = { asOf: props.asOf, config: props.config };
  return (
    <div className={styles.column}>
      {props.excel && (
        <>
          <Caption1>{FILL_TEXT} Прежние значения сохраняются в скрытом листе «iom-kit».</Caption1>
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              disabled={work.busy}
              onClick={() =>
                work.run(async (onProgress) => {
                  const done = await feature.fill({ scope: "all" }, { ...options, onProgress });
                  const skipped = done.skipped
                    ? ` Пропущено из-за формул в ячейках: ${count(done.skipped, CELLS)}.`
                    : "";
                  return {
                    nothing: done.cells === 0,
                    text:
                      done.cells === 0
                        ? `Заполнять нечего: в ${count(done.cards, CARDS_IN)} всё уже на месте.${skipped}`
                        : `Заполнено: ${count(done.cells, CELLS)} в ${count(done.cards, CARDS_IN)}.${skipped} ` +
                          "«Отменить заполнение» вернёт прежние значения.",
                  };
                })
              }
            >
              Заполнить
            </Button>
            {feature.undoFill && (
              <Button
                disabled={work.busy}
                onClick={() =>
                  work.run(async () => {
                    const done = await feature.undoFill!();
                    const changed = done.changed
                      ? ` Не тронуты ячейки, изменённые после заполнения: ${done.changed}.`
                      : "";
                    return {
                      nothing: done.cells === 0 && done.changed === 0,
                      text:
                        done.cells === 0 && done.changed === 0
                          ? "Возвращать нечего: книга не заполнялась."
                          : `Возвращено: ${count(done.cells, CELLS)}.${changed}`,
                    };
                  })
                }
              >
                Отменить заполнение
              </Button>
            )}
          </div>
        </>
      )}
      {!props.excel && (
        <>
          <FileInput
            ref={input}
            testId="fill-input"
            onFiles={(files) => {
              props.onFiles(files);
              fillFiles(files);
            }}
          />
          <Caption1>
            {FILL_TEXT} Заполненные копии скачиваются в папку загрузок браузера, а исходные файлы не
            меняются.
          </Caption1>
          {props.files.length > 0 && (
            <Caption1 className={styles.files}>{openedText(props.files)}</Caption1>
          )}
          <div className={styles.buttons}>
            {props.files.length > 0 && (
              <Button
                appearance="primary"
                disabled={work.busy}
                onClick={() => fillFiles(props.files)}
              >
                {props.files.length === 1
                  ? "Заполнить открытый файл"
                  : `Заполнить открытые файлы (${props.files.length})`}
              </Button>
            )}
            <Button
              appearance={props.files.length > 0 ? "secondary" : "primary"}
              disabled={work.busy}
              onClick={() => input.current?.click()}
            >
              {props.files.length > 0 ? "Заполнить другие файлы…" : "Заполнить файлы .xlsx…"}
            </Button>
          </div>
        </>
      )}
      {feature.newCard && (
        <>
          <Divider />
          <Caption1>
            {props.excel
              ? "«Новая карта» добавит в книгу лист с картой ИОМ по форме Приложения 1: с выпадающими списками и подсказками у ячеек. ФИО впишется в карту, лист назовётся по нему."
              : "«Новая карта» скачает файл с картой ИОМ по форме Приложения 1: с выпадающими списками и подсказками у ячеек. ФИО впишется в карту, файл назовётся по нему."}
          </Caption1>
          <Field label="ФИО педагога для новой карты">
            <Input value={teacher} onChange={(_, data) => setTeacher(data.value)} />
          </Field>
          <Button
            disabled={work.busy || teacher.trim() === ""}
            data-testid="new-card"
            onClick={() =>
              work.run(async () => {
                const { name } = await feature.newCard!(teacher.trim(), { config: props.config });
                // The same ФИО once more would be a second card of one teacher.
                setTeacher("");
                return {
                  text: props.excel
                    ? `Добавлен лист «${name}». Заполните карту: значения выбирайте из списков у ячеек, подсказка появляется при выборе ячейки.`
                    : `Карта скачана: «${name}».`,
                };
              })
            }
          >
            Новая карта
          </Button>
        </>
      )}
      {work.busy && <ProgressBar value={work.progress} />}
      {work.failure && (
        <MessageBar intent="error">
          <MessageBarBody>{work.failure}</MessageBarBody>
        </MessageBar>
      )}
      {!work.busy && work.result && (
        <MessageBar
          intent={work.result.nothing ? "info" : "success"}
          layout="multiline"
          data-testid="card-done"
        >
          <MessageBarBody>
            {work.result.text}
            {work.result.files && (
              <ul className={styles.list} data-testid="filled-files">
                {work.result.files.map((line, index) => (
                  <li key={index}>{line}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );

  function fillFiles(files: OpenedFile[]) {
    work.run(async (onProgress) =>
      filesSaid(await feature!.fill({ files }, { ...options, onProgress })),
    );
  }
}

/**
 * What a fill of files says: the cells written and the copies downloaded, then a line a file
 * where there is more than one, or where the one file had nothing to fill or could not be.
 */
function filesSaid(done: FillDone): Said {
  const files = done.files ?? [];
  const saved = files.filter((file) => file.saved !== null);
  const text =
    saved.length === 0
      ? "Заполнять нечего: ничего не скачано."
      : `Заполнено: ${count(done.cells, CELLS)} в ${count(done.cards, CARDS_IN)}. ` +
        `Скачано копий с пометкой «(заполнено)»: ${saved.length}; исходные файлы не изменены.`;
  const lines = files.map((file) => `${file.name} — ${fileSaid(file)}`);
  const nothing = saved.length === 0;
  return files.length > 1 || nothing ? { text, files: lines, nothing } : { text };
}

function fileSaid(file: NonNullable<FillDone["files"]>[number]): string {
  if (file.problem !== null) {
    return `не заполнен: ${file.problem}`;
  }
  if (file.cards === 0) {
    return "карт ИОМ не найдено, нечего заполнять";
  }
  if (file.saved === null) {
    return "нечего заполнять: всё уже на месте";
  }
  return `заполнено ${count(file.cells, CELLS)}, скачан «${file.saved}»`;
}
