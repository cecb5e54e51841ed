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
import type { CardFeature } from "../features.js";
import { CELLS, count } from "./groupFindings.js";
import { PendingPanel } from "./PendingPanel.js";
import { useWork } from "./useWork.js";

const CARDS_IN = ["карте", "картах", "картах"] as const;

const FILL_TEXT =
  "«Заполнить» переносит проценты в графу своего уровня, вписывает сроки ИОМ, этап, итог " +
  "сравнения входной и итоговой диагностики и отметки о просрочке.";

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", rowGap: "12px" },
  buttons: { display: "flex", flexWrap: "wrap", gap: "8px" },
  hidden: { display: "none" },
});

/** «Карта»: fill the derived cells (and undo it), or start a new card from the template. */
export function CardPanel(props: {
  feature: CardFeature | undefined;
  asOf: Date;
  config: Config;
  excel: boolean;
}) {
  const styles = useStyles();
  const [teacher, setTeacher] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const work = useWork<string>();
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
                  return done.cells === 0
                    ? `Заполнять нечего: в ${count(done.cards, CARDS_IN)} всё уже на месте.${skipped}`
                    : `Заполнено: ${count(done.cells, CELLS)} в ${count(done.cards, CARDS_IN)}.${skipped} ` +
                        "«Отменить заполнение» вернёт прежние значения.";
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
                    return done.cells === 0 && done.changed === 0
                      ? "Возвращать нечего: книга не заполнялась."
                      : `Возвращено: ${count(done.cells, CELLS)}.${changed}`;
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
          <input
            ref={input}
            className={styles.hidden}
            type="file"
            accept=".xlsx,.xlsm"
            multiple
            data-testid="fill-input"
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              event.target.value = "";
              if (files.length > 0) {
                work.run(async (onProgress) => {
                  const done = await feature.fill({ files }, { ...options, onProgress });
                  return (
                    `Заполнено: ${count(done.cells, CELLS)} в ${count(done.cards, CARDS_IN)}. ` +
                    "Заполненные копии скачаны с пометкой «(заполнено)»; исходные файлы не изменены."
                  );
                });
              }
            }}
          />
          <Caption1>{FILL_TEXT}</Caption1>
          <Button appearance="primary" disabled={work.busy} onClick={() => input.current?.click()}>
            Заполнить файлы .xlsx…
          </Button>
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
                return props.excel
                  ? `Добавлен лист «${name}». Заполните карту: значения выбирайте из списков у ячеек, подсказка появляется при выборе ячейки.`
                  : `Карта скачана: «${name}».`;
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
        <MessageBar intent="success">
          <MessageBarBody>{work.result}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
