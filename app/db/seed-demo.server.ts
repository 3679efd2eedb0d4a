import { fromZonedTime } from "date-fns-tz";
import { hashPassword } from "~/auth/password.server";
import { newToken } from "~/auth/tokens.server";
import type { AttendanceMode, WorkshopRole } from "~/generated/prisma/enums";
import { getDb } from "./client.server";
import { seedDemoFollowThrough } from "./seed-demo-committee.server";
import { seedDemoPractices } from "./seed-demo-practices.server";

/**
 * The demo workshop, modelled on the workshop of 24 November 2023 in Rabat on the scheme for mobilising the
 * skills of Moroccans living abroad (MRE) and supporting their project holders. Idempotent: running it again
 * keeps what people changed in the demo and only adds what is missing.
 */
export const DEMO_PASSWORD = "majlis-demo-2023";
export const DEMO_JOIN_CODE = "RABAT24";
const TIMEZONE = "Africa/Casablanca";

export const DEMO_ACCOUNTS: Array<{ email: string; name: string; role: WorkshopRole; organisation: string; organisationAdmin?: boolean; platformModerator?: boolean }> = [
  { email: "organisatrice@majlis.test", name: "Samira El Idrissi", role: "ORGANISER", organisation: "dmre", organisationAdmin: true, platformModerator: true },
  { email: "facilitateur@majlis.test", name: "Youssef Benali", role: "FACILITATOR", organisation: "dmre" },
  { email: "facilitatrice@majlis.test", name: "Nadia Chraibi", role: "FACILITATOR", organisation: "dmre" },
  { email: "rapporteur@majlis.test", name: "Karim Tazi", role: "RAPPORTEUR", organisation: "dmre" },
  { email: "participante@majlis.test", name: "Leila Amrani", role: "PARTICIPANT", organisation: "none" },
  { email: "observateur@majlis.test", name: "Omar Fassi", role: "OBSERVER", organisation: "ccme", organisationAdmin: true },
  { email: "comite@majlis.test", name: "Fatima Zahra Alaoui", role: "COMMITTEE_MEMBER", organisation: "dmre" },
  { email: "pair@majlis.test", name: "Ahmed Ben Salah", role: "PEER", organisation: "ote", organisationAdmin: true },
];

const ORGANISATIONS = {
  dmre: {
    name: "Département des Marocains Résidant à l'Étranger (MAECAMRE)",
    country: "MA",
    mission: "Politique publique envers les Marocains résidant à l'étranger et mobilisation de leurs compétences.",
    website: "https://www.marocainsdumonde.gov.ma",
    contactName: "Samira El Idrissi",
    contactEmail: "organisatrice@majlis.test",
  },
  ccme: {
    name: "Conseil de la communauté marocaine à l'étranger (CCME)",
    country: "MA",
    mission: "Organe consultatif indépendant : évaluation des politiques publiques envers les Marocains du monde.",
    website: "https://www.ccme.org.ma",
    contactName: "Omar Fassi",
    contactEmail: "observateur@majlis.test",
  },
  ote: {
    name: "Office des Tunisiens à l'Étranger (OTE)",
    country: "TN",
    mission: "Institution homologue : accompagnement des Tunisiens résidant à l'étranger.",
    website: "https://www.ote.nat.tn",
    contactName: "Ahmed Ben Salah",
    contactEmail: "pair@majlis.test",
  },
} as const;

/** Other people already registered, so the registration list and the check-in desk have something to show. */
const DEMO_REGISTRANTS: Array<{ name: string; email: string; mode: AttendanceMode; session: 0 | 1 }> = [
  { name: "Hicham Ouazzani", email: "hicham.ouazzani@majlis.test", mode: "IN_PERSON", session: 0 },
  { name: "Salma Bennani", email: "salma.bennani@majlis.test", mode: "REMOTE", session: 0 },
  { name: "Rachid El Mansouri", email: "rachid.elmansouri@majlis.test", mode: "IN_PERSON", session: 1 },
  { name: "Imane Kettani", email: "imane.kettani@majlis.test", mode: "REMOTE", session: 1 },
  { name: "Mehdi Berrada", email: "mehdi.berrada@majlis.test", mode: "IN_PERSON", session: 0 },
];

const at = (time: string) => fromZonedTime(`2023-11-24T${time}:00`, TIMEZONE);

export async function seedDemoWorkshop() {
  const db = getDb();
  const organisations: Record<string, string> = {};
  for (const [key, data] of Object.entries(ORGANISATIONS)) {
    const existing = await db.organisation.findFirst({ where: { name: data.name } });
    organisations[key] = (existing ?? (await db.organisation.create({ data }))).id;
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users: Record<string, string> = {};
  for (const account of [...DEMO_ACCOUNTS, ...DEMO_REGISTRANTS.map((r) => ({ ...r, organisation: "none" }))]) {
    const user = await db.user.upsert({
      where: { email: account.email },
      create: {
        email: account.email,
        name: account.name,
        passwordHash,
        canOrganise: "role" in account && account.role === "ORGANISER",
        organisationAdmin: "organisationAdmin" in account && account.organisationAdmin === true,
        platformModerator: "platformModerator" in account && account.platformModerator === true,
        organisationId: organisations[account.organisation] ?? null,
      },
      update: {},
    });
    users[account.email] = user.id;
  }
  await seedDemoPractices({ organisations, users });

  const existing = await db.workshop.findUnique({ where: { joinCode: DEMO_JOIN_CODE }, select: { id: true } });
  if (existing) return seedDemoFollowThrough({ workshopId: existing.id });

  const organiserId = users["organisatrice@majlis.test"];
  const workshop = await db.workshop.create({
    data: {
      title: "Dispositif de mobilisation des compétences et d'accompagnement des porteurs de projets MRE",
      description:
        "Atelier participatif pour impliquer les compétences MRE, les porteurs de projets et les partenaires " +
        "institutionnels dans la conception et le développement du dispositif, débattre des moyens de répondre aux " +
        "attentes de cette cible, et échanger expériences, idées et initiatives entre les réseaux de compétences " +
        "géographiques et thématiques et les partenaires institutionnels.",
      startsAt: at("09:00"),
      endsAt: at("17:00"),
      timezone: TIMEZONE,
      venue: "Rabat",
      format: "HYBRID",
      languages: ["fr", "ar", "en"],
      status: "PUBLISHED",
      joinCode: DEMO_JOIN_CODE,
      organisationId: organisations.dmre,
      createdById: organiserId,
    },
  });

  const sessions = await Promise.all([
    db.session.create({
      data: {
        workshopId: workshop.id,
        position: 0,
        title: "Session 1 — Mobilisation des compétences et des porteurs de projets MRE",
        description: "Attentes des compétences et porteurs de projets, réseaux géographiques et thématiques, accompagnement.",
        room: "Salle Al Andalous",
        capacity: 60,
        facilitators: { create: { userId: users["facilitateur@majlis.test"] } },
      },
    }),
    db.session.create({
      data: {
        workshopId: workshop.id,
        position: 1,
        title: "Session 2 — Data et exigences fonctionnelles et techniques",
        description: "Données nécessaires, exigences fonctionnelles et techniques de la plateforme numérique du dispositif.",
        room: "Salle Fès",
        capacity: 40,
        facilitators: { create: { userId: users["facilitatrice@majlis.test"] } },
      },
    }),
  ]);

  const plenary = (title: string, from: string, to: string) => ({ workshopId: workshop.id, title, startsAt: at(from), endsAt: at(to) });
  const inSession = (index: 0 | 1, title: string, from: string, to: string) => ({ ...plenary(title, from, to), sessionId: sessions[index].id });
  await db.agendaItem.createMany({
    data: [
      plenary("Accueil et enregistrement des participants", "09:00", "09:30"),
      plenary("Ouverture officielle", "09:30", "10:00"),
      plenary("Présentation du projet de dispositif, de sa gouvernance et de son planning", "10:00", "10:45"),
      plenary("Pause café", "10:45", "11:00"),
      inSession(0, "Attentes des compétences et des porteurs de projets MRE", "11:00", "13:00"),
      inSession(1, "Données nécessaires au dispositif : inventaire et sources", "11:00", "13:00"),
      plenary("Déjeuner", "13:00", "14:30"),
      inSession(0, "Services d'accompagnement et rôle des réseaux de compétences", "14:30", "16:00"),
      inSession(1, "Exigences fonctionnelles et techniques de la plateforme", "14:30", "16:00"),
      plenary("Restitution des sessions parallèles en plénière", "16:00", "16:45"),
      plenary("Recommandations et clôture", "16:45", "17:00"),
    ],
  });

  await db.membership.createMany({
    data: DEMO_ACCOUNTS.map((account) => ({ workshopId: workshop.id, userId: users[account.email], role: account.role })),
  });
  await db.membership.createMany({
    data: DEMO_REGISTRANTS.map((r) => ({ workshopId: workshop.id, userId: users[r.email], role: "PARTICIPANT" as const })),
  });
  await db.registration.createMany({
    data: [
      { email: "participante@majlis.test", mode: "REMOTE" as const, session: 1 as const },
      ...DEMO_REGISTRANTS,
    ].map((r) => ({
      workshopId: workshop.id,
      userId: users[r.email],
      mode: r.mode,
      sessionId: sessions[r.session].id,
      checkInCode: newToken(12),
    })),
  });
  await seedDemoFollowThrough({ workshopId: workshop.id });
}
