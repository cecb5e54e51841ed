import {
  Button,
  Caption1,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Radio,
  RadioGroup,
  Text,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";

import type { Config } from "../../../lib/domain/config.js";
import type { LocatedFinding } from "../../../lib/sheet/located.js";
import type { OpenedFile } from "../browser/checkFiles.js";
import { checkFiles } from "../browser/checkFiles.js";
import type { Sample } from "../browser/samples.js";
import { sampleFiles } from "../browser/samples.js";
import type { ExcelHost, Scope } from "../excel/excelHost.js";
import { FindingsList } from "./FindingsList.js";
import { FileInput } from "./FileInput.js";
import type { Work } from "./useWork.js";
import { useWork } from "./useWork.js";
import { CARDS, CELLS, count, ERRORS, FILES, groupFindings, WARNINGS } from "./groupFindings.js";

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", rowGap: "12px" },
  buttons: { display: "flex", flexWrap: "wrap", gap: "8px" },
  files: { overflowWrap: "anywhere" },
});

export interface Outcome {
  cards: number;
  files?: number;
  marked?: number;
  findings: LocatedFinding[];
}

interface Common {
  asOf: Date;
  config: Config;
}

/** «Проверка» in Excel: this sheet or every card sheet, marks on the faulty cells. */
export function ExcelCheckPanel(props: Common & { host: ExcelHost }) {
  const styles = useStyles();
  const [scope, setScope] = useState<Scope>("all");
  const [mark, setMark] = useState(true);
  const [marked, setMarked] = useState(0);
  const work = useWork<Outcome | { cleared: number }>();

  useEffect(() => {
    // Marks of an earlier session stay in the workbook: offer to take them off.
    props.host.markCount().then(setMarked, () => setMarked(0));
  }, [props.host]);

  const check = () =>
    work.run(async (onProgress) => {
      const result = await props.host.check({
        scope,
        asOf: props.asOf,
        config: props.config,
        mark,
        onProgress,
      });
      setMarked(result.marked);
      return {
        cards: result.cards,
        marked: mark ? result.marked : undefined,
        findings: result.findings,
      };
    });
  const clear = () =>
    work.run(async () => {
      const removed = await props.host.clearMarks();
      setMarked(0);
      return { cleared: removed };
    });

  return (
    <div className={styles.column}>
      <Field label="Что проверить">
        <RadioGroup value={scope} onChange={(_, data) => setScope(data.value as Scope)}>
          <Radio value="active" label="Этот лист" />
          <Radio value="all" label="Все листы с картами" />
        </RadioGroup>
      </Field>
      <Checkbox
        checked={mark}
        onChange={(_, data) => setMark(data.checked === true)}
        label={
          props.host.capabilities.notes
            ? "Выделить ячейки с замечаниями цветом и примечанием"
            : "Выделить ячейки с замечаниями цветом"
        }
      />
      {!props.host.capabilities.notes && mark && (
        <Caption1>
          Эта версия Excel не даёт надстройке добавлять примечания к ячейкам: ячейки только
          окрашиваются, а текст замечаний — в списке ниже.
        </Caption1>
      )}
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={check} disabled={work.busy}>
          Проверить
        </Button>
        <Button onClick={clear} disabled={work.busy || marked === 0}>
          Снять отметки
        </Button>
      </div>
      <WorkState
        work={work}
        onSelect={(finding) =>
          void work.attempt(() => props.host.select(finding.sheet!, finding.cell!))
        }
      />
    </div>
  );
}

/** The files the user opened, kept by the pane for every tab (App.tsx). */
export interface OpenedFiles {
  files: OpenedFile[];
  onFiles: (files: OpenedFile[]) => void;
  /** The samples the server offers; none on a district's own host. */
  samples: Sample[];
}

/** «Проверка» in a browser: .xlsx files the user opens (or the samples the server offers). */
export function FileCheckPanel(props: Common & OpenedFiles) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [checked, setChecked] = useState<OpenedFile[] | null>(null);
  const work = useWork<Outcome | { cleared: number }>();
  const { files, samples } = props;
  // Files opened on another tab since: the findings shown would be of other files.
  const current = checked === files;

  const check = (chosen: OpenedFile[]) => {
    setChecked(chosen);
    work.run(async (onProgress) => {
      const result = await checkFiles(chosen, {
        asOf: props.asOf,
        config: props.config,
        onProgress,
      });
      return { cards: result.cards, files: result.files, findings: result.findings };
    });
  };
  const open = (chosen: OpenedFile[]) => {
    props.onFiles(chosen);
    if (chosen.length > 0) {
      check(chosen);
    }
  };

  return (
    <div className={styles.column}>
      <FileInput ref={input} testId="file-input" onFiles={open} />
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => input.current?.click()} disabled={work.busy}>
          Открыть файлы .xlsx…
        </Button>
        {samples.length > 0 && (
          <Button onClick={() => open(sampleFiles(samples))} disabled={work.busy}>
            {`Открыть примеры (${samples.length})`}
          </Button>
        )}
        {files.length > 0 && (
          <Button onClick={() => check(files)} disabled={work.busy}>
            {current ? "Проверить снова" : "Проверить"}
          </Button>
        )}
      </div>
      {files.length > 0 ? (
        <Caption1 className={styles.files} data-testid="opened-files">
          {openedText(files)}
        </Caption1>
      ) : (
        <Caption1>
          Откройте одну или несколько карт: замечания появятся здесь, с листом и ячейкой каждого.
          Открытые файлы видны и на вкладках «Карта» и «Сводка».
        </Caption1>
      )}
      {current || work.busy ? (
        <WorkState work={work} />
      ) : (
        files.length > 0 && <Caption1>Эти файлы ещё не проверены: нажмите «Проверить».</Caption1>
      )}
    </div>
  );
}

/** «Открыто: Иванова.xlsx, Петрова.xlsx», or their number where there are more than three. */
export function openedText(files: readonly OpenedFile[]): string {
  return files.length <= 3
    ? `Открыто: ${files.map((file) => file.name).join(", ")}`
    : `Открыто ${count(files.length, FILES)}`;
}

function WorkState(props: {
  work: Work<Outcome | { cleared: number }>;
  onSelect?: (finding: LocatedFinding) => void;
}) {
  const { busy, progress, result, failure } = props.work;
  return (
    <>
      {busy && (
        <Field validationMessage="Идёт работа…" validationState="none">
          <ProgressBar value={progress} thickness="large" />
        </Field>
      )}
      {failure !== null && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Не получилось</MessageBarTitle>
            {failure}
          </MessageBarBody>
        </MessageBar>
      )}
      {!busy && result !== null && "cleared" in result && (
        <MessageBar intent="success">
          <MessageBarBody>
            {result.cleared > 0
              ? `Отметки сняты: ${count(result.cleared, CELLS)}.`
              : "Отметок не было."}
          </MessageBarBody>
        </MessageBar>
      )}
      {!busy && result !== null && "findings" in result && (
        <Findings outcome={result} onSelect={props.onSelect} />
      )}
    </>
  );
}

function Findings(props: { outcome: Outcome; onSelect?: (finding: LocatedFinding) => void }) {
  const { outcome } = props;
  const errors = outcome.findings.filter((finding) => finding.severity === "error").length;
  const warnings = outcome.findings.length - errors;
  const read = [
    outcome.files !== undefined ? `Файлов: ${outcome.files}` : null,
    `проверено ${count(outcome.cards, CARDS)}`,
  ]
    .filter(Boolean)
    .join(", ");
  const found =
    outcome.findings.length === 0
      ? "замечаний нет"
      : `${count(errors, ERRORS)}, ${count(warnings, WARNINGS)}`;
  const marked =
    outcome.marked !== undefined && outcome.marked > 0
      ? ` Выделено в книге: ${count(outcome.marked, CELLS)}.`
      : "";

  return (
    <>
      <MessageBar
        intent={errors > 0 ? "error" : warnings > 0 ? "warning" : "success"}
        data-testid="check-summary"
      >
        <MessageBarBody>
          {`${capitalize(read)}: ${found}.${marked}`}
          {props.onSelect && outcome.findings.some((finding) => finding.cell !== null) && (
            <Text block size={200}>
              Нажмите на адрес ячейки, чтобы перейти к ней.
            </Text>
          )}
        </MessageBarBody>
      </MessageBar>
      <FindingsList
        groups={groupFindings(outcome.findings)}
        showFile={outcome.files !== undefined}
        onSelect={props.onSelect}
      />
    </>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
