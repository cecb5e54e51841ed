import {
  Badge,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";

import { defaultConfig } from "../../../lib/domain/config.js";
import type { OpenedFile } from "../browser/checkFiles.js";
import type { Sample } from "../browser/samples.js";
import { listSamples } from "../browser/samples.js";
import type { ExcelHost } from "../excel/excelHost.js";
import type { Features } from "../features.js";
import { CardPanel } from "./CardPanel.js";
import { ExcelCheckPanel, FileCheckPanel } from "./CheckPanel.js";
import { SettingsPanel } from "./SettingsPanel.js";
import {
  loadSettings,
  parseDayInput,
  readConfigText,
  saveSettings,
  todayInput,
} from "./settings.js";
import { SummaryPanel } from "./SummaryPanel.js";

/** Where the pane runs: inside Excel, or in a plain browser on files. */
export type PaneHost =
  { kind: "excel"; excel: ExcelHost } | { kind: "browser"; officeLoaded: boolean };

type TabName = "check" | "card" | "summary" | "settings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: "12px",
    padding: "12px",
    minWidth: "300px",
    maxWidth: "720px",
    boxSizing: "border-box",
  },
  title: { display: "flex", alignItems: "center", columnGap: "8px", flexWrap: "wrap" },
  tabs: { marginLeft: "-8px", marginRight: "-8px" },
  footer: { color: tokens.colorNeutralForeground3 },
});

/**
 * The task pane: the same in Excel and in a browser, but for where the cards come from. The
 * files the user opened are the pane's, not a tab's: opened on «Проверка», they are the ones
 * «Карта» fills and «Сводка» summarises, and each tab keeps what it showed while another is
 * open.
 */
export function App(props: { host: PaneHost; features?: Features }) {
  const styles = useStyles();
  const [tab, setTab] = useState<TabName>("check");
  const [asOfText, setAsOfText] = useState(todayInput());
  const [configText, setConfigText] = useState(() => loadSettings().configText);
  const [files, setFiles] = useState<OpenedFile[]>([]);
  const [samples, setSamples] = useState<Sample[]>([]);

  const config = useMemo(() => readConfigText(configText).config, [configText]);
  const asOf = parseDayInput(asOfText) ?? new Date();
  const settingsBroken = config === null;
  const excel = props.host.kind === "excel";

  useEffect(() => {
    if (!excel) {
      void listSamples().then(setSamples);
    }
  }, [excel]);

  const changeConfig = (text: string) => {
    setConfigText(text);
    saveSettings({ configText: text });
  };
  const opened = { files, onFiles: setFiles, samples };

  return (
    <main className={styles.root}>
      <div className={styles.title}>
        <Text as="h1" size={500} weight="semibold">
          Карты ИОМ
        </Text>
        <Badge appearance="tint" color={excel ? "brand" : "informative"} data-testid="mode">
          {excel ? "в этой книге Excel" : "файлы .xlsx"}
        </Badge>
      </div>
      {props.host.kind === "browser" && (
        <MessageBar intent="info" layout="multiline" data-testid="file-mode">
          <MessageBarBody>
            Панель работает с файлами: откройте карты .xlsx, сохранённые в Excel, LibreOffice,
            МойОфис или Р7. Файлы не покидают этот компьютер.
          </MessageBarBody>
        </MessageBar>
      )}
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={tab}
        onTabSelect={(_, data) => setTab(data.value as TabName)}
      >
        <Tab value="check">Проверка</Tab>
        <Tab value="card">Карта</Tab>
        <Tab value="summary">Сводка</Tab>
        <Tab value="settings">Настройки</Tab>
      </TabList>
      {settingsBroken && tab !== "settings" && (
        <MessageBar intent="warning">
          <MessageBarBody>
            В настройках района ошибка, поэтому проверка идёт по правилам положения. Исправьте их на
            вкладке «Настройки».
          </MessageBarBody>
        </MessageBar>
      )}
      {/* Every tab stays mounted, hidden while another is open: its files and results stay. */}
      <div hidden={tab !== "check"}>
        {props.host.kind === "excel" ? (
          <ExcelCheckPanel host={props.host.excel} asOf={asOf} config={config ?? defaultConfig} />
        ) : (
          <FileCheckPanel asOf={asOf} config={config ?? defaultConfig} {...opened} />
        )}
      </div>
      <div hidden={tab !== "card"}>
        <CardPanel
          feature={props.features?.card}
          asOf={asOf}
          config={config ?? defaultConfig}
          excel={excel}
          {...opened}
        />
      </div>
      <div hidden={tab !== "summary"}>
        <SummaryPanel
          feature={props.features?.summary}
          asOf={asOf}
          config={config ?? defaultConfig}
          excel={excel}
          {...opened}
        />
      </div>
      <div hidden={tab !== "settings"}>
        <SettingsPanel
          asOf={asOfText}
          onAsOf={setAsOfText}
          configText={configText}
          onConfigText={changeConfig}
        />
      </div>
    </main>
  );
}
