/**
 * The themes a practice is filed under (Practice.themes holds these keys; labels: i18n `practices:themes.*`). A fixed
 * list, so that the library's theme filter groups the same work together whoever wrote it and in whatever language.
 */
export const PRACTICE_THEMES = [
  "SKILLS_MOBILISATION",
  "INVESTMENT_PROJECT_HOLDERS",
  "YOUTH_AND_EDUCATION",
  "CULTURE_AND_LANGUAGE",
  "CONSULAR_AND_ADMIN_SERVICES",
  "DATA_AND_DIGITAL",
  "NETWORKS_AND_ASSOCIATIONS",
  "RETURN_AND_REINTEGRATION",
  "WOMEN_AND_ENTREPRENEURSHIP",
  "GOVERNANCE_AND_PARTNERSHIPS",
] as const;

export type PracticeTheme = (typeof PRACTICE_THEMES)[number];

export function isPracticeTheme(value: unknown): value is PracticeTheme {
  return typeof value === "string" && (PRACTICE_THEMES as readonly string[]).includes(value);
}
