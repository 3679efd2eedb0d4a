import { z } from "zod";
import { LANGUAGES } from "~/i18n/config";
import { VISIBILITIES } from "~/peers/visibility";
import { isValidTimeZone } from "~/utils/dates";
import { list, optionalText, text } from "~/utils/forms";

/** The forms of workshop templates: saving a workshop as one, changing one, and running one again. */

export const TEMPLATE_TITLE_MAX = 200;
export const TEMPLATE_DESCRIPTION_MAX = 2000;

export const templateFormSchema = z.object({
  title: text(TEMPLATE_TITLE_MAX),
  description: optionalText(TEMPLATE_DESCRIPTION_MAX).transform((value) => value ?? ""),
  visibility: z.enum(VISIBILITIES),
});
export type TemplateFields = z.output<typeof templateFormSchema>;

/** A calendar date that exists (no 31 April), between 2000 and 2099 like every workshop. */
function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 2000 && year < 2100 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const useTemplateFormSchema = z
  .object({
    title: text(TEMPLATE_TITLE_MAX),
    date: z
      .string()
      .trim()
      .min(1)
      .regex(/^\d{4}-\d{2}-\d{2}$/, "templates:errors.date")
      .refine(isCalendarDate, "templates:errors.date"),
    time: z
      .string()
      .trim()
      .min(1)
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "templates:errors.time"),
    timezone: z.string().trim().min(1).refine(isValidTimeZone, "errors:timezone"),
    venue: optionalText(200).transform((value) => value ?? ""),
    languages: list(z.enum(LANGUAGES)).refine((languages) => languages.length > 0, "errors:atLeastOneLanguage"),
  })
  .transform(({ date, time, languages, ...rest }) => ({ ...rest, start: `${date}T${time}`, languages: [...new Set(languages)] }));

export type UseTemplateFields = z.output<typeof useTemplateFormSchema>;
