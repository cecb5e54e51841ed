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
  Text,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState } from "react";

import type { Config } from "../../../lib/domain/config.js";
import { sampleFiles } from "../browser/samples.js";
import type { SummaryFeature, SummaryOutcome } from "../features.js";
import type { OpenedFiles } from "./CheckPanel.js";
import { FileInput } from "./FileInput.js";
import { openedText } from "./CheckPanel.js";
import { CARDS, count } from "./groupFindings.js";
import { PendingPanel } from "./PendingPanel.js";
import { useWork } from "./useWork.js";

const TEACHERS = ["педагог", "педагога", "педагогов"] as const;

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", rowGap: "12px" },
  buttons: { display: "flex", flexWrap: "wrap", gap: "8px" },
  files: { overflowWrap: "anywhere" },
  bars: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1.2fr) minmax(0, 1fr)",
    columnGap: "8px",
    rowGap: "6px",
    alignItems: "center",
  },
  label: { overflowWrap: "anywhere" },
  track: { display: "flex", alignItems: "center", columnGap: "6px" },
  bar: {
    height: "12px",
    minWidth: "2px",
    backgroundColor: tokens.colorPaletteRedBackground3,
    borderRadius: tokens.borderRadiusSmall,
  },
});

/**
 * «Сводка»: the district summary from this workbook's cards and the files picked — in a
 * browser, the files opened on any tab.
 */
export function SummaryPanel(
  props: {
    feature: SummaryFeature | undefined;
    asOf: Date;
    config: Config;
    excel: boolean;
  } & OpenedFiles,
) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [includeWorkbook, setIncludeWorkbook] = useState(true);
  const work = useWork<SummaryOutcome>();
  const { feature, excel, files, samples } = props;

  if (!feature) {
    return (
      <PendingPanel
        title="Скоро"
        text="Сводка по району (листы с таблицами и диаграммой дефицитов по компетенциям) появится здесь в следующей версии надстройки."
      />
    );
  }

  const nothing = files.length === 0 && !(excel && includeWorkbook);
  const summarize = () =>
    work.run((onProgress) =>
      feature.summarize(files, {
        asOf: props.asOf,
        config: props.config,
        onProgress,
        includeWorkbook: excel && includeWorkbook,
      }),
    );

  return (
    <div className={styles.column}>
      <Caption1>
        {excel
          ? "Сводка по картам ИОМ: педагоги, уровень профдефицитов по компетенциям, потребность в муниципальных мероприятиях, мероприятия, замечания. Она появится на новых листах книги с диаграммой; листы прежней сводки заменятся."
          : "Сводка по картам ИОМ из выбранных файлов: педагоги, уровень профдефицитов по компетенциям, потребность в муниципальных мероприятиях, мероприятия, ОО, замечания. Она скачается книгой Excel; исходные файлы не меняются."}
      </Caption1>
      <FileInput ref={input} testId="summary-input" onFiles={props.onFiles} />
      {excel && (
        <Checkbox
          checked={includeWorkbook}
          onChange={(_, data) => setIncludeWorkbook(data.checked === true)}
          label="Карты на листах этой книги"
        />
      )}
      <Field label={excel ? "Карты из других файлов" : "Файлы с картами"}>
        <div className={styles.buttons}>
          <Button disabled={work.busy} onClick={() => input.current?.click()}>
            {files.length > 0 ? "Выбрать другие файлы…" : "Выбрать файлы .xlsx…"}
          </Button>
          {samples.length > 0 && (
            <Button disabled={work.busy} onClick={() => props.onFiles(sampleFiles(samples))}>
              {`Открыть примеры (${samples.length})`}
            </Button>
          )}
        </div>
      </Field>
      {files.length > 0 && (
        <Caption1 className={styles.files} data-testid="summary-files">
          {openedText(files)}
        </Caption1>
      )}
      <Button appearance="primary" disabled={work.busy || nothing} onClick={summarize}>
        Сводка по району
      </Button>
      {work.busy && (
        <Field validationMessage="Идёт работа…" validationState="none">
          <ProgressBar value={work.progress} thickness="large" />
        </Field>
      )}
      {work.failure && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Не получилось</MessageBarTitle>
            {work.failure}
          </MessageBarBody>
        </MessageBar>
      )}
      {!work.busy && work.result && <Outcome result={work.result} excel={excel} />}
    </div>
  );
}

function Outcome(props: { result: SummaryOutcome; excel: boolean }) {
  const styles = useStyles();
  const { result } = props;
  const most = Math.max(1, ...result.deficits.map((d) => d.teachers));
  const read = `${count(result.cards, CARDS)}, ${count(result.teachers, TEACHERS)}`;

  return (
    <>
      <MessageBar intent="success" layout="multiline" data-testid="summary-done">
        <MessageBarBody>
          {props.excel
            ? `Сводка готова (${read}): лист «${result.written}» с диаграммой, рядом — педагоги и замечания.`
            : `Сводка готова (${read}) и скачана: «${result.written}».`}
        </MessageBarBody>
      </MessageBar>
      {result.deficits.length > 0 ? (
        <>
          <Text weight="semibold">Профдефициты по компетенциям</Text>
          <Caption1>
            {`Сколько педагогов из ${result.teachers} имели на входной диагностике средний или высокий уровень профдефицита (или «+»).`}
          </Caption1>
          <div className={styles.bars} data-testid="summary-bars">
            {result.deficits.map((deficit) => (
              <Bar key={deficit.competency} {...deficit} most={most} />
            ))}
          </div>
        </>
      ) : (
        <Caption1>Профдефицитов среднего и высокого уровня на входе нет.</Caption1>
      )}
    </>
  );
}

function Bar(props: { competency: string; teachers: number; most: number }) {
  const styles = useStyles();
  return (
    <>
      <Caption1 className={styles.label}>{props.competency}</Caption1>
      <span className={styles.track} title={`${props.competency}: ${props.teachers}`}>
        <span className={styles.bar} style={{ width: `${(props.teachers / props.most) * 80}%` }} />
        <Caption1>{props.teachers}</Caption1>
      </span>
    </>
  );
}
