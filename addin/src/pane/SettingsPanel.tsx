import { Button, Caption1, Field, Input, makeStyles, Textarea } from "@fluentui/react-components";
import { useRef } from "react";

import { parseDayInput, readConfigText } from "./settings.js";

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", rowGap: "12px" },
  buttons: { display: "flex", flexWrap: "wrap", gap: "8px" },
  hidden: { display: "none" },
});

/** «Настройки»: the day to judge as of, and the district's configuration (as `--config`). */
export function SettingsPanel(props: {
  asOf: string;
  onAsOf: (day: string) => void;
  configText: string;
  onConfigText: (text: string) => void;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const read = readConfigText(props.configText);
  const dayRead = parseDayInput(props.asOf) !== null;

  return (
    <div className={styles.column}>
      <Field
        label="Проверять сроки на дату"
        hint="Просроченными считаются мероприятия, срок которых прошёл к этой дате."
        validationState={dayRead ? "none" : "error"}
        validationMessage={
          dayRead ? undefined : "Введите дату в виде 16.11.2025; пока проверка идёт на сегодня."
        }
      >
        <Input
          value={props.asOf}
          placeholder="ДД.ММ.ГГГГ"
          inputMode="numeric"
          onChange={(_, data) => props.onAsOf(data.value)}
          data-testid="as-of"
        />
      </Field>
      <Field
        label="Настройки района (JSON)"
        hint="Пороги уровней дефицита, дополнительные компетенции, слова шкал других регионов. Пусто — как в положении."
        validationState={read.problems ? "error" : "none"}
        validationMessage={read.problems ? read.problems.join("; ") : undefined}
      >
        <Textarea
          resize="vertical"
          rows={6}
          value={props.configText}
          placeholder={'{ "thresholds": { "low": 80, "medium": 60 } }'}
          onChange={(_, data) => props.onConfigText(data.value)}
          data-testid="config"
        />
      </Field>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".json,application/json"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          void file?.text().then(props.onConfigText);
        }}
      />
      <div className={styles.buttons}>
        <Button onClick={() => input.current?.click()}>Загрузить из файла…</Button>
        <Button onClick={() => props.onConfigText("")} disabled={props.configText === ""}>
          Как в положении
        </Button>
      </div>
      <Caption1>Настройки хранятся только на этом компьютере.</Caption1>
    </div>
  );
}
