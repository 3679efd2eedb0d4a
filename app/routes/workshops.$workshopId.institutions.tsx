import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireUser } from "~/auth/session.server";
import { DataTable } from "~/components/data-table";
import { FormErrorSummary, SelectField, valueOf } from "~/components/field";
import { IntentForm } from "~/components/intent-form";
import { SubmitButton } from "~/components/submit-button";
import { WorkshopHeader } from "~/components/workshop-header";
import { DEFAULT_LANGUAGE } from "~/i18n/config";
import { getWorkshopAccess, requireCapability } from "~/models/access.server";
import {
  addWorkshopInstitution,
  changeWorkshopInstitutionRole,
  listAddableInstitutions,
  listWorkshopInstitutions,
  removeWorkshopInstitution,
  type InstitutionChange,
} from "~/models/workshop-institutions.server";
import { getWorkshop } from "~/models/workshop.server";
import { countryName } from "~/practices/countries";
import { useRootData } from "~/root";
import { parseForm, type FieldError, type FieldErrors } from "~/utils/forms";
import { badRequest, forbidden, notFound } from "~/utils/http.server";
import { INSTITUTION_ROLES } from "~/utils/roles";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.workshop.title} · Majlis` : "Majlis" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const workshopId = params.workshopId ?? notFound();
  const access = await requireCapability({ workshopId, userId: user.id, capability: "workshop.view" });
  // Who takes part is the members' business; a published workshop's page is public, this list is not.
  if (access.role === null) forbidden();
  const isOrganiser = access.role === "ORGANISER";
  const [workshop, institutions] = await Promise.all([getWorkshop({ workshopId }), listWorkshopInstitutions({ workshopId })]);
  if (!workshop) notFound();
  const addable = isOrganiser ? await listAddableInstitutions({ workshopId }) : [];
  return json({ workshop: { id: workshop.id, title: workshop.title, status: workshop.status }, ...institutions, addable, isOrganiser });
}

const role = z.enum(INSTITUTION_ROLES);
const organisationId = z.string().trim().min(1);
const schemas = {
  add: z.object({ organisationId, role }),
  changeRole: z.object({ organisationId, role }),
  remove: z.object({ organisationId }),
};
type Intent = keyof typeof schemas;

interface ActionResult {
  intent: Intent;
  errors?: FieldErrors;
  values?: Record<string, string | string[]>;
  notice?: FieldError;
  refusal?: FieldError;
}

const REFUSALS = { host: "workshop:institutions.isHost", alreadyIn: "workshop:institutions.alreadyIn" } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const workshopId = params.workshopId ?? notFound();
  await requireCapability({ workshopId, userId: user.id, capability: "workshop.edit" });
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (typeof intent !== "string" || !(intent in schemas)) badRequest();

  let change: InstitutionChange;
  let done: string;
  switch (intent as Intent) {
    case "add": {
      const form = parseForm(schemas.add, formData);
      if (!form.ok) return json({ intent: "add", errors: form.errors, values: form.values } satisfies ActionResult, { status: 400 });
      change = await addWorkshopInstitution({ workshopId, actorId: user.id, ...form.data });
      done = "workshop:institutions.added";
      break;
    }
    case "changeRole": {
      const form = parseForm(schemas.changeRole, formData);
      if (!form.ok) badRequest();
      change = await changeWorkshopInstitutionRole({ workshopId, actorId: user.id, ...form.data });
      done = "workshop:institutions.roleChanged";
      break;
    }
    case "remove": {
      const form = parseForm(schemas.remove, formData);
      if (!form.ok) badRequest();
      change = await removeWorkshopInstitution({ workshopId, actorId: user.id, ...form.data });
      done = "workshop:institutions.removed";
      break;
    }
  }
  if (!change.ok) {
    if (change.reason === "notFound") notFound();
    return json({ intent: intent as Intent, refusal: { key: REFUSALS[change.reason] } } satisfies ActionResult, { status: 409 });
  }
  // An organiser through their institution who just changed its role may no longer manage this page.
  const after = await getWorkshopAccess({ workshopId, userId: user.id });
  if (after?.role !== "ORGANISER") return redirect(`/workshops/${workshopId}`);
  return json({ intent: intent as Intent, notice: { key: done, values: { name: change.name } } } satisfies ActionResult);
}

export default function WorkshopInstitutionsPage() {
  const { t } = useTranslation("workshop");
  const { workshop, host, institutions, addable, isOrganiser } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionResult | undefined;
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  const addErrors = data?.intent === "add" ? data.errors : undefined;
  const addValues = data?.intent === "add" ? data.values : undefined;
  const columns = [t("institutions.name"), t("institutions.role"), t("institutions.members"), ...(isOrganiser ? [t("institutions.actions")] : [])];

  return (
    <div className="stack">
      <WorkshopHeader workshop={workshop} isOrganiser={isOrganiser} />
      <h2>{t("institutions.title")}</h2>
      <p className="muted">{t("institutions.intro")}</p>
      {data?.notice ? (
        <p className="alert alert--ok" role="status">
          {t(data.notice.key, data.notice.values)}
        </p>
      ) : null}
      {data?.refusal ? (
        <p className="alert alert--error" role="alert">
          {t(data.refusal.key)}
        </p>
      ) : null}

      <section className="card" aria-labelledby="host-title">
        <h3 id="host-title">{t("institutions.host")}</h3>
        {host ? (
          <>
            <p>
              <Link to={`/institutions/${host.id}`} dir="auto">
                {host.name}
              </Link>{" "}
              <span className="muted">· {countryName(host.country, language)}</span>
            </p>
            <p className="muted">{t("institutions.hostExplanation")}</p>
            <p>{t("institutions.membersCount", { count: host.members })}</p>
          </>
        ) : (
          <p className="muted">{t("institutions.noHost")}</p>
        )}
      </section>

      <section aria-labelledby="participating-title" className="stack">
        <h3 id="participating-title">{t("institutions.participating")}</h3>
        {institutions.length === 0 ? (
          <p className="muted">{t("institutions.none")}</p>
        ) : (
          <DataTable labelledBy="participating-title" className="institutions-table" columns={columns}>
            {institutions.map((institution) => (
              <tr key={institution.id}>
                <td>
                  <Link to={`/institutions/${institution.id}`} dir="auto">
                    {institution.name}
                  </Link>
                  <br />
                  <span className="muted">{countryName(institution.country, language)}</span>
                </td>
                <td>
                  {isOrganiser ? (
                    <IntentForm intent="changeRole" subject={{ organisationId: institution.id }} className="member-role-form">
                      <RoleSelect
                        key={institution.role}
                        id={`role-${institution.id}`}
                        label={t("institutions.roleOf", { name: institution.name })}
                        hideLabel
                        defaultValue={institution.role}
                      />
                      <SubmitButton className="button">{t("institutions.changeRole")}</SubmitButton>
                    </IntentForm>
                  ) : (
                    <strong>{t(`institutions.roles.${institution.role}`)}</strong>
                  )}
                  <p className="muted institution-role__explanation">{t(`institutions.roleExplanation.${institution.role}`)}</p>
                </td>
                <td>{institution.members}</td>
                {isOrganiser ? (
                  <td>
                    <IntentForm intent="remove" subject={{ organisationId: institution.id }}>
                      <SubmitButton className="button button--danger">
                        {t("institutions.remove")}
                        <span className="visually-hidden"> · {institution.name}</span>
                      </SubmitButton>
                    </IntentForm>
                  </td>
                ) : null}
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      {isOrganiser ? (
        <section className="card narrow" aria-labelledby="add-institution-title">
          <h3 id="add-institution-title">{t("institutions.add")}</h3>
          {addable.length === 0 ? (
            <p className="muted">{t("institutions.noneToAdd")}</p>
          ) : (
            <IntentForm intent="add" noValidate>
              <p className="muted">{t("institutions.addIntro")}</p>
              <FormErrorSummary errors={addErrors} />
              <SelectField
                name="organisationId"
                id="add-organisation"
                label={t("institutions.institution")}
                required
                defaultValue={valueOf(addValues, "organisationId") ?? ""}
                error={addErrors?.organisationId}
              >
                <option value="">{t("institutions.choose")}</option>
                {addable.map((organisation) => (
                  <option key={organisation.id} value={organisation.id}>
                    {organisation.name} · {countryName(organisation.country, language)}
                  </option>
                ))}
              </SelectField>
              <RoleSelect id="add-role" label={t("institutions.role")} defaultValue={valueOf(addValues, "role")} error={addErrors?.role} withHints />
              <SubmitButton className="button button--primary">{t("institutions.submit")}</SubmitButton>
            </IntentForm>
          )}
        </section>
      ) : null}
    </div>
  );
}

interface RoleSelectProps {
  id: string;
  label: string;
  hideLabel?: boolean;
  defaultValue?: string;
  error?: FieldError;
  /** Lists what each role means under the field, where there is room for it. */
  withHints?: boolean;
}

function RoleSelect({ defaultValue, withHints, ...field }: RoleSelectProps) {
  const { t } = useTranslation("workshop");
  return (
    <>
      <SelectField name="role" defaultValue={defaultValue ?? "CONTRIBUTOR"} {...field}>
        {INSTITUTION_ROLES.map((value) => (
          <option key={value} value={value}>
            {t(`institutions.roles.${value}`)}
          </option>
        ))}
      </SelectField>
      {withHints ? (
        <dl className="institution-roles">
          {INSTITUTION_ROLES.map((value) => (
            <div key={value}>
              <dt>{t(`institutions.roles.${value}`)}</dt>
              <dd className="muted">{t(`institutions.roleExplanation.${value}`)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </>
  );
}
