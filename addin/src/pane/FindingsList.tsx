import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Link,
  makeStyles,
  Text,
  tokens,
} from "@fluentui/react-components";

import type { LocatedFinding } from "../../../lib/sheet/located.js";
import type { FindingGroup } from "./groupFindings.js";
import { count, ERRORS, WARNINGS } from "./groupFindings.js";

const useStyles = makeStyles({
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: "6px",
    rowGap: "2px",
  },
  place: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: "8px",
  },
  item: {
    display: "grid",
    gridTemplateColumns: "64px minmax(0, 1fr)",
    columnGap: "8px",
    rowGap: "2px",
    paddingBottom: "8px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  where: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: "4px",
    minWidth: "52px",
  },
  message: { overflowWrap: "anywhere" },
  file: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

/**
 * Findings grouped by sheet (and file, in a browser), each with its cell: a link that selects
 * the cell where the pane runs in Excel, the address alone where it works on files.
 */
export function FindingsList(props: {
  groups: FindingGroup[];
  showFile: boolean;
  onSelect?: (finding: LocatedFinding) => void;
}) {
  const styles = useStyles();
  return (
    <Accordion multiple collapsible defaultOpenItems={props.groups.map((group) => group.key)}>
      {props.groups.map((group) => (
        <AccordionItem key={group.key} value={group.key} data-testid="finding-group">
          <AccordionHeader size="small">
            <span className={styles.header}>
              <span className={styles.place} data-testid="group-title">
                {groupTitle(group, props.showFile)}
              </span>
              {group.errors > 0 && (
                <Badge appearance="filled" color="danger" size="small">
                  {count(group.errors, ERRORS)}
                </Badge>
              )}
              {group.warnings > 0 && (
                <Badge appearance="filled" color="warning" size="small">
                  {count(group.warnings, WARNINGS)}
                </Badge>
              )}
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              {group.findings.map((finding, index) => (
                <li
                  key={index}
                  className={styles.item}
                  data-testid="finding"
                  data-file={finding.file}
                  data-sheet={finding.sheet ?? ""}
                  data-cell={finding.cell ?? ""}
                  data-severity={finding.severity}
                  data-code={finding.code}
                >
                  <span className={styles.where}>
                    <Badge
                      appearance="tint"
                      color={finding.severity === "error" ? "danger" : "warning"}
                      size="small"
                      title={finding.severity === "error" ? "ошибка" : "предупреждение"}
                    >
                      {/* The word of the CLI and the pane's counts, cut to fit the column. */}
                      {finding.severity === "error" ? "ошибка" : "предупр."}
                    </Badge>
                    {finding.cell !== null &&
                      (props.onSelect ? (
                        <Link
                          as="button"
                          onClick={() => props.onSelect?.(finding)}
                          title={`Перейти к ячейке ${finding.cell}`}
                          data-testid="finding-cell"
                        >
                          {finding.cell}
                        </Link>
                      ) : (
                        <Text size={200} weight="semibold" data-testid="finding-cell">
                          {finding.cell}
                        </Text>
                      ))}
                  </span>
                  <Text size={300} className={styles.message}>
                    {finding.message}
                  </Text>
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}

function groupTitle(group: FindingGroup, showFile: boolean): string {
  if (group.sheet === null) {
    return showFile ? group.file : "Вся книга";
  }
  return showFile ? `${group.file} › ${group.sheet}` : `Лист «${group.sheet}»`;
}
