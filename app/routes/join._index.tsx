import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Field, FormErrorSummary, valueOf } from "~/components/field";
import { SubmitButton } from "~/components/submit-button";
import { findWorkshopByJoinCode } from "~/models/join.server";
import { parseForm, text } from "~/utils/forms";
import { normaliseJoinCode } from "~/utils/join-code";

export const meta: MetaFunction = () => [{ title: "Majlis" }];

const joinCodeSchema = z.object({ code: text(40) });

export async function action({ request }: ActionFunctionArgs) {
  const form = parseForm(joinCodeSchema, await request.formData());
  if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const workshop = await findWorkshopByJoinCode({ code: form.data.code });
  if (!workshop) {
    const errors = { code: { key: "registration:errors.unknownJoinCode" } };
    return json({ errors, values: { code: form.data.code } }, { status: 400 });
  }
  return redirect(`/join/${encodeURIComponent(normaliseJoinCode(form.data.code))}`);
}

export default function JoinWithCodePage() {
  const { t } = useTranslation("registration");
  const data = useActionData<typeof action>();
  return (
    <section className="narrow card join-page" aria-labelledby="join-title">
      <h1 id="join-title">{t("join.title")}</h1>
      <p>{t("join.intro")}</p>
      <Form method="post" noValidate>
        <FormErrorSummary errors={data?.errors} />
        <Field
          name="code"
          label={t("join.code")}
          hint={t("join.codeHint")}
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          dir="ltr"
          className="join-page__code"
          defaultValue={valueOf(data?.values, "code")}
          error={data?.errors.code}
        />
        <SubmitButton className="button button--primary button--large">{t("join.submit")}</SubmitButton>
      </Form>
    </section>
  );
}
