import { Form, type FormProps } from "@remix-run/react";

interface IntentFormProps extends Omit<FormProps, "method"> {
  /** Which of the route's actions this form asks for. */
  intent: string;
  /** The object the action is about (e.g. `{ sessionId }`), sent along as hidden fields. */
  subject?: Record<string, string>;
}

/**
 * A route that offers several actions tells them apart by a hidden `intent` field: a plain POST form, so that
 * every action works without JavaScript.
 */
export function IntentForm({ intent, subject = {}, children, ...form }: IntentFormProps) {
  return (
    <Form method="post" {...form}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(subject).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </Form>
  );
}
