import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

/** A tab whose feature is not in this version yet: says so plainly rather than a dead button. */
export function PendingPanel(props: { title: string; text: string }) {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle>
        {props.text}
      </MessageBarBody>
    </MessageBar>
  );
}
