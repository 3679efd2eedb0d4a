import { textDirection, type Language } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n";
import type { MeetingDossier } from "~/models/committee.server";
import { formatDateTime } from "~/utils/dates";
import { renderBoardPicture } from "./board-image.server";
import { dayOf } from "./overdue";
import { PdfWriter } from "./pdf-writer.server";

/**
 * The printed dossier of a meeting: one part per chosen language (labels translated, what people wrote as they
 * wrote it), each with every agenda item, its decision and follow-up, and a picture of each piece of evidence as the
 * board was when it was cited.
 */

export interface EvidencePicture {
  dataUrl: string;
  width: number;
  height: number;
  found: boolean;
}

/** One picture per cited element of a frozen version: the same picture serves every language's part. */
export function evidencePictures(dossier: MeetingDossier, states: Map<string, Uint8Array>): Map<string, EvidencePicture> {
  const pictures = new Map<string, EvidencePicture>();
  for (const { recommendation } of dossier.items) {
    for (const source of recommendation.sources) {
      const state = states.get(source.boardVersionId);
      if (!state || pictures.has(source.id)) continue;
      const picture = renderBoardPicture({ state, elementId: source.elementId });
      pictures.set(source.id, {
        dataUrl: `data:image/png;base64,${picture.png.toString("base64")}`,
        width: picture.width,
        height: picture.height,
        found: picture.found,
      });
    }
  }
  return pictures;
}

export async function dossierPdf(input: { dossier: MeetingDossier; languages: Language[]; pictures: Map<string, EvidencePicture> }): Promise<Buffer> {
  const { dossier, languages, pictures } = input;
  const writer = new PdfWriter({ title: dossier.title, language: languages[0] });
  languages.forEach((language, index) => {
    if (index > 0) writer.newPage();
    writeLanguagePart(writer, dossier, language, pictures);
  });
  return writer.finish();
}

function writeLanguagePart(writer: PdfWriter, dossier: MeetingDossier, language: Language, pictures: Map<string, EvidencePicture>) {
  const t = translatorFor(language);
  const direction = textDirection(language);
  const timeZone = dossier.workshop.timezone;
  const when = (date: Date) => formatDateTime(date, timeZone, language);
  const muted = { size: 9, colour: "#4a5563", direction } as const;

  writer.paragraph(t("committee:dossier.title"), { size: 11, bold: true, colour: "#0b5d4b", direction });
  writer.paragraph(dossier.title, { size: 20, bold: true, after: 8 });
  writer.field(t("committee:dossier.workshop"), dossier.workshop.title, direction);
  writer.field(t("committee:dossier.date"), when(dossier.scheduledAt), direction);
  writer.field(t("committee:dossier.location"), dossier.location, direction);
  writer.paragraph(t("committee:dossier.agenda", { count: dossier.items.length }), { size: 13, bold: true, direction, after: 2 });

  dossier.items.forEach(({ recommendation: r }, index) => {
    writer.rule();
    writer.ensureRoom(120);
    writer.paragraph(t("committee:dossier.item", { position: index + 1, title: r.title }), { size: 13.5, bold: true, after: 3 });
    const facts = [
      r.session?.title ?? t("recommendations:plenary"),
      t(`recommendations:themes.${r.theme}`),
      t(`recommendations:statuses.${r.status}`),
      t("committee:dossier.fact", { label: t("committee:dossier.columns.priority"), value: t(`recommendations:priorities.${r.priority}`) }),
      t("committee:dossier.fact", { label: t("committee:dossier.columns.costBand"), value: t(`recommendations:costBands.${r.costBand}`) }),
      t(`recommendations:timeframes.${r.timeframe}`),
    ];
    writer.paragraph(facts.join(" · "), muted);
    const support = [t("committee:meeting.supports", { count: r.tally.supports })];
    if (r.tally.agreement !== null) support.push(t("committee:meeting.agreement", { value: r.tally.agreement.toFixed(1) }));
    writer.paragraph(support.join(" · "), { ...muted, after: 8 });
    writer.field(t("committee:dossier.columns.ownerInstitution"), r.ownerInstitution, direction);
    writer.field(t("committee:dossier.columns.problem"), r.problem, direction);
    writer.field(t("committee:dossier.columns.proposedAction"), r.proposedAction, direction);
    writer.field(t("committee:dossier.columns.rationale"), r.rationale, direction);

    writer.paragraph(t("committee:meeting.decision"), { size: 11.5, bold: true, colour: "#0b5d4b", direction, after: 2 });
    if (r.decision) {
      const by = t("committee:meeting.decidedBy", { name: r.decision.decidedBy?.name ?? "—", date: when(r.decision.decidedAt) });
      writer.paragraph(`${t(`recommendations:outcomes.${r.decision.outcome}`)} — ${by}`, { bold: true, direction });
      writer.field(t("committee:dossier.columns.decisionRationale"), r.decision.rationale, direction);
      writer.field(t("committee:dossier.columns.decisionChanges"), r.decision.changes, direction);
    } else {
      writer.paragraph(t("committee:dossier.noDecision"), { direction, after: 6 });
    }

    if (r.followUps.length > 0) {
      writer.paragraph(t("committee:dossier.columns.followUps"), { size: 11.5, bold: true, colour: "#0b5d4b", direction, after: 2 });
      for (const action of r.followUps) {
        const line = t("committee:dossier.followUpLine", {
          title: action.title,
          owner: [action.ownerInstitution, action.ownerName].filter(Boolean).join(", "),
          date: dayOf(action.dueDate),
          status: t(`recommendations:followUpStatuses.${action.status}`),
          progress: action.progress,
        });
        writer.paragraph(line, { direction, after: 3 });
      }
    }

    if (r.sources.length > 0) {
      // The heading stays with the first picture.
      writer.ensureRoom(320);
      writer.paragraph(t("committee:dossier.columns.evidence"), { size: 11.5, bold: true, colour: "#0b5d4b", direction, after: 2 });
      for (const source of r.sources) {
        writer.ensureRoom(300);
        const caption = t("committee:dossier.evidenceCaption", {
          board: source.board.title,
          version: source.boardVersion.name,
          date: when(source.boardVersion.createdAt),
        });
        writer.paragraph(caption, { ...muted, after: 2 });
        if (source.excerpt) writer.paragraph(source.excerpt, { after: 4 });
        const picture = pictures.get(source.id);
        if (picture) {
          writer.image(picture.dataUrl, picture, direction, 260);
          if (!picture.found) writer.paragraph(t("committee:dossier.evidenceMissing"), muted);
        }
      }
    }
  });
}
