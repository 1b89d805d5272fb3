import { makeStyles, tokens } from "@fluentui/react-components";

/** The layout every section of the pane shares, so the sections read alike and are easy to scan. */
export const usePaneStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  heading: { margin: 0 },
  subheading: { margin: 0, marginTop: tokens.spacingVerticalXS },
  detail: { color: tokens.colorNeutralForeground2 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  /** A file input the user reaches through a button beside it. */
  hiddenInput: { display: "none" },
});
