import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

/** Why a dry run (a check, a projection) could not be made, under a title that says which; nothing when there is no problem. */
export function ProblemBar({ title, problem, testId }: { title: string; problem: string | null; testId: string }) {
  if (!problem) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid={testId}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {problem}
      </MessageBarBody>
    </MessageBar>
  );
}
