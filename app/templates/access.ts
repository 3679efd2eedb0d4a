import { mayView, viewerOf } from "~/peers/visibility";
import type { Visibility } from "~/generated/prisma/enums";

/**
 * Who may do what with a workshop template. Reading follows the one visibility rule (app/peers/visibility.ts) with
 * the template's institution; the rest needs the right to organise workshops (User.canOrganise).
 */

export interface TemplatePerson {
  id: string;
  organisationId: string | null;
  platformModerator: boolean;
  canOrganise: boolean;
}

export interface TemplateOwnership {
  organisationId: string | null;
  createdById: string | null;
  visibility: Visibility;
}

export function mayViewTemplate(person: TemplatePerson | null, template: TemplateOwnership): boolean {
  return mayView(viewerOf(person), template);
}

/**
 * Changing or deleting a template is for its institution's people who organise workshops; a template that belongs
 * to no institution (its author had none), for its author.
 */
export function mayManageTemplate(person: TemplatePerson, template: TemplateOwnership): boolean {
  if (!person.canOrganise) return false;
  if (template.organisationId === null) return template.createdById === person.id;
  return person.organisationId === template.organisationId;
}

/** Running a template again: anyone who organises workshops and may read it. */
export function mayUseTemplate(person: TemplatePerson, template: TemplateOwnership): boolean {
  return person.canOrganise && mayViewTemplate(person, template);
}
