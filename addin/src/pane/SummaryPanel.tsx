import {
  Button,
  Caption1,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState } from "react";

import type { Config } from "../../../lib/domain/config.js";
import type { OpenedFile } from "../browser/checkFiles.js";
import type { SummaryFeature, SummaryOutcome } from "../features.js";
import { CARDS, count } from "./groupFindings.js";
import { PendingPanel } from "./PendingPanel.js";
import { useWork } from "./useWork.js";

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", rowGap: "12px" },
  buttons: { display: "flex", flexWrap: "wrap", gap: "8px" },
  hidden: { display: "none" },
  bars: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) 2fr",
    columnGap: "8px",
    rowGap: "4px",
    alignItems: "center",
  },
  bar: {
    height: "12px",
    backgroundColor: tokens.colorBrandBackground,
    borderRadius: tokens.borderRadiusSmall,
  },
});

/** «Сводка»: the district summary from this workbook's cards and the files picked. */
export function SummaryPanel(props: {
  feature: SummaryFeature | undefined;
  asOf: Date;
  config: Config;
  excel: boolean;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<OpenedFile[]>([]);
  const [includeWorkbook, setIncludeWorkbook] = useState(true);
  const work = useWork<SummaryOutcome>();
  const { feature } = props;

  if (!feature) {
    return (
      <PendingPanel
        title="Скоро"
        text="Сводка по району (листы с таблицами и диаграммой дефицитов по компетенциям) появится здесь в следующей версии надстройки."
      />
    );
  }

  const most = Math.max(1, ...(work.result?.deficits.map((d) => d.teachers) ?? []));
  return (
    <div className={styles.column}>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".xlsx,.xlsm"
        multiple
        onChange={(event) => {
          setFiles([...(event.target.files ?? [])]);
          event.target.value = "";
        }}
      />
      {props.excel && (
        <Checkbox
          checked={includeWorkbook}
          onChange={(_, data) => setIncludeWorkbook(data.checked === true)}
          label="Карты этой книги"
        />
      )}
      <Button onClick={() => input.current?.click()}>Добавить файлы .xlsx…</Button>
      {files.length > 0 && (
        <Caption1>{`Файлы: ${files.map((file) => file.name).join(", ")}`}</Caption1>
      )}
      <Button
        appearance="primary"
        disabled={work.busy || (files.length === 0 && !(props.excel && includeWorkbook))}
        onClick={() =>
          work.run((onProgress) =>
            feature.summarize(files, {
              asOf: props.asOf,
              config: props.config,
              onProgress,
              includeWorkbook,
            }),
          )
        }
      >
        Сводка по району
      </Button>
      {work.busy && <ProgressBar value={work.progress} />}
      {work.failure && (
        <MessageBar intent="error">
          <MessageBarBody>{work.failure}</MessageBarBody>
        </MessageBar>
      )}
      {!work.busy && work.result && (
        <>
          <MessageBar intent="success">
            <MessageBarBody>{`Сводка по ${count(work.result.cards, CARDS)} готова: ${work.result.written}.`}</MessageBarBody>
          </MessageBar>
          <Text weight="semibold">Педагоги с дефицитом на входе</Text>
          <div className={styles.bars}>
            {work.result.deficits.map((deficit) => (
              <Bar
                key={deficit.competency}
                label={deficit.competency}
                value={deficit.teachers}
                most={most}
                barClass={styles.bar}
              />
            ))}
          </div>
        </>
      )}
    </div>
  );
}

function Bar(props: { label: string; value: number; most: number; barClass: string }) {
  return (
    <>
      <Caption1>{props.label}</Caption1>
      <span title={String(props.value)}>
        <span
          className={props.barClass}
          style={{ display: "inline-block", width: `${(props.value / props.most) * 100}%` }}
        />{" "}
        <Caption1>{props.value}</Caption1>
      </span>
    </>
  );
}
