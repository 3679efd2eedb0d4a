import { useNavigation } from "@remix-run/react";

interface SubmitButtonProps extends Omit<React.ButtonHTMLAttributes<HTMLButtonElement>, "type" | "disabled"> {
  className: string;
}

/** Disabled while a form of the page is being sent, so an impatient second click does not send it twice. */
export function SubmitButton({ children, ...button }: SubmitButtonProps) {
  const navigation = useNavigation();
  return (
    <button type="submit" {...button} disabled={navigation.state === "submitting"}>
      {children}
    </button>
  );
}
