import { Field } from "~/components/field";
import type { FieldErrors } from "~/utils/forms";
import { MIN_PASSWORD_LENGTH } from "~/utils/password-fields";

interface NewPasswordFieldsProps {
  /** Each page words them for its own situation (a reset, an invitation, one's account). */
  labels: { password: string; hint: string; confirm: string };
  errors?: FieldErrors;
}

/**
 * A new password typed twice: the fields that `newPasswordFields` and `confirmPassword` validate, named as they
 * expect. Password managers offer to generate one (autocomplete="new-password").
 */
export function NewPasswordFields({ labels, errors }: NewPasswordFieldsProps) {
  return (
    <>
      <Field
        name="password"
        type="password"
        label={labels.password}
        hint={labels.hint}
        autoComplete="new-password"
        minLength={MIN_PASSWORD_LENGTH}
        required
        error={errors?.password}
        dir="ltr"
      />
      <Field
        name="passwordConfirm"
        type="password"
        label={labels.confirm}
        autoComplete="new-password"
        required
        error={errors?.passwordConfirm}
        dir="ltr"
      />
    </>
  );
}
