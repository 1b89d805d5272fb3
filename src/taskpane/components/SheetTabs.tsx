import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useRef, type KeyboardEvent } from "react";

const useStyles = makeStyles({
  strip: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-start",
    gap: "2px",
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  tab: {
    appearance: "none",
    cursor: "pointer",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderTop: "none",
    borderRadius: `0 0 ${tokens.borderRadiusMedium} ${tokens.borderRadiusMedium}`,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    ":hover": { backgroundColor: tokens.colorNeutralBackground3Hover, color: tokens.colorNeutralForeground1 },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
    },
  },
  selected: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
    boxShadow: `inset 0 -3px 0 ${tokens.colorBrandStroke1}`,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorBrandForeground1 },
  },
});

export interface SheetTabsProps {
  sheets: string[];
  selected: string | null;
  onSelect: (name: string) => void;
  /** The id of the element the tabs control. */
  panelId: string;
  tabId: (name: string) => string;
}

/**
 * Sheet tabs under the grid, as in Excel: an ARIA tab list with one tab in the Tab order and the arrow
 * keys, Home and End moving between sheets.
 */
export function SheetTabs({ sheets, selected, onSelect, panelId, tabId }: SheetTabsProps) {
  const styles = useStyles();
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const target =
      event.key === "ArrowRight"
        ? (index + 1) % sheets.length
        : event.key === "ArrowLeft"
          ? (index - 1 + sheets.length) % sheets.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? sheets.length - 1
              : null;
    if (target === null) return;
    event.preventDefault();
    const name = sheets[target]!;
    onSelect(name);
    buttons.current.get(name)?.focus();
  };

  return (
    <div role="tablist" aria-label="Sheets" className={styles.strip}>
      {sheets.map((name, index) => {
        const isSelected = name === selected;
        return (
          <button
            key={name}
            ref={(element) => {
              if (element) buttons.current.set(name, element);
              else buttons.current.delete(name);
            }}
            type="button"
            role="tab"
            id={tabId(name)}
            aria-selected={isSelected}
            aria-controls={panelId}
            tabIndex={isSelected ? 0 : -1}
            className={mergeClasses(styles.tab, isSelected && styles.selected)}
            onClick={() => onSelect(name)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {name}
          </button>
        );
      })}
    </div>
  );
}
