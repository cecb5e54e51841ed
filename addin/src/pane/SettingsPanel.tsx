import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useRef } from "react";

import { defaultConfig } from "../../../lib/domain/config.js";
import { FileInput } from "./FileInput.js";
import { CONFIG_EXAMPLE, describeConfig, parseDayInput, readConfigText } from "./settings.js";

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", rowGap: "12px" },
  buttons: { display: "flex", flexWrap: "wrap", gap: "8px" },
  effective: {
    display: "flex",
    flexDirection: "column",
    rowGap: "4px",
    padding: "8px 12px",
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
  },
  list: { margin: 0, paddingLeft: "18px" },
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
        label="Настройки района"
        hint="Пороги уровней профдефицита, дополнительные компетенции, слова шкал других регионов и сроки ИОМ — текстом в формате JSON, тем же файлом, что и для iom --config. Пусто — как в положении."
        validationState={read.problems ? "error" : "none"}
        validationMessage={read.problems ? read.problems.join("; ") : undefined}
      >
        <Textarea
          resize="vertical"
          rows={8}
          value={props.configText}
          placeholder={CONFIG_EXAMPLE}
          onChange={(_, data) => props.onConfigText(data.value)}
          data-testid="config"
        />
      </Field>
      <div className={styles.effective} data-testid="config-effective">
        <Text size={200} weight="semibold">
          {read.config ? "Сейчас действует:" : "Пока в тексте ошибка, действуют правила положения:"}
        </Text>
        <ul className={styles.list}>
          {describeConfig(read.config ?? defaultConfig).map((line) => (
            <li key={line}>
              <Caption1>{line}</Caption1>
            </li>
          ))}
        </ul>
      </div>
      <FileInput
        ref={input}
        accept=".json,application/json"
        multiple={false}
        testId="config-file"
        onFiles={([file]) => void file?.text().then(props.onConfigText)}
      />
      <div className={styles.buttons}>
        <Button onClick={() => input.current?.click()}>Загрузить из файла…</Button>
        {props.configText.trim() === "" && (
          <Button onClick={() => props.onConfigText(CONFIG_EXAMPLE)}>Вставить образец</Button>
        )}
        <Button onClick={() => props.onConfigText("")} disabled={props.configText === ""}>
          Как в положении
        </Button>
      </div>
      <Caption1>Настройки хранятся только на этом компьютере.</Caption1>
    </div>
  );
}
