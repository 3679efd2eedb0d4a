import type { PracticeStatus, Visibility } from "~/generated/prisma/enums";
import type { Figure, Resource } from "~/practices/fields";
import { practiceSearchText } from "~/practices/search";
import type { PracticeTheme } from "~/practices/themes";
import { getDb } from "./client.server";

/**
 * The practice library's demo: practices of the three demo institutions at every step of their path (published for
 * everyone, shared with peers, kept as a draft, waiting for moderation), one of them written in Arabic. Added once:
 * when the library has any practice, it is left as people changed it.
 */

interface DemoPractice {
  organisation: "dmre" | "ccme" | "ote";
  author: string;
  title: string;
  problem: string;
  approach: string;
  results: string;
  figures: Figure[];
  resources: Resource[];
  country: string;
  themes: PracticeTheme[];
  languages: string[];
  visibility: Visibility;
  status: PracticeStatus;
  submittedAt?: string;
  publishedAt?: string;
}

const PRACTICES: DemoPractice[] = [
  {
    organisation: "dmre",
    author: "organisatrice@majlis.test",
    title: "Réseau des compétences marocaines de l'étranger — mentorat de porteurs de projets",
    problem:
      "Les porteurs de projets installés au Maroc manquaient d'accompagnement sectoriel pointu, alors que des milliers de compétences marocaines à l'étranger proposaient leur aide sans savoir à qui l'offrir. Les initiatives existaient, mais restaient dispersées et dépendaient de contacts personnels.",
    approach:
      "Le Département a structuré un réseau de mentors MRE par secteur (industrie, numérique, santé, agro-alimentaire) et par pays de résidence. Chaque porteur de projet est mis en relation avec un mentor pour six mois : un entretien de cadrage, une séance mensuelle à distance, une mission au Maroc quand c'est utile. Les réseaux de compétences géographiques relaient les appels à mentors ; les centres régionaux d'investissement orientent les porteurs de projets.",
    results:
      "En deux ans, le mentorat a accompagné 240 porteurs de projets. Les projets accompagnés obtiennent plus souvent leur financement et les mentors restent engagés au-delà des six mois. À refaire autrement : prévoir dès le départ un suivi commun des indicateurs avec les centres régionaux d'investissement.",
    figures: [
      { label: "Porteurs de projets accompagnés", value: "240" },
      { label: "Mentors MRE mobilisés", value: "85" },
      { label: "Pays de résidence des mentors", value: "17" },
      { label: "Entreprises créées au Maroc", value: "38" },
    ],
    resources: [{ title: "Portail des Marocains du Monde", url: "https://www.marocainsdumonde.gov.ma/" }],
    country: "MA",
    themes: ["SKILLS_MOBILISATION", "INVESTMENT_PROJECT_HOLDERS", "NETWORKS_AND_ASSOCIATIONS"],
    languages: ["fr", "ar"],
    visibility: "PUBLIC",
    status: "PUBLISHED",
    submittedAt: "2023-09-25T09:00:00Z",
    publishedAt: "2023-10-02T10:00:00Z",
  },
  {
    organisation: "dmre",
    author: "facilitatrice@majlis.test",
    title: "Guichet numérique unique pour les démarches administratives des MRE",
    problem:
      "Les Marocains résidant à l'étranger doivent s'adresser à plusieurs administrations pour une même démarche (état civil, foncier, investissement), souvent pendant leurs congés d'été.",
    approach:
      "Recenser les démarches les plus demandées, définir un dossier unique en ligne et un suivi de la demande, en commençant par trois démarches pilotes avec les consulats.",
    results: "",
    figures: [{ label: "Démarches pilotes", value: "3" }],
    resources: [],
    country: "MA",
    themes: ["CONSULAR_AND_ADMIN_SERVICES", "DATA_AND_DIGITAL"],
    languages: ["fr"],
    visibility: "INSTITUTION",
    status: "DRAFT",
  },
  {
    organisation: "ccme",
    author: "observateur@majlis.test",
    title: "Consultation des jeunes Marocains du monde sur leurs attentes envers les politiques publiques",
    problem:
      "Les politiques publiques envers les Marocains du monde s'appuyaient sur des données anciennes, qui ne disaient presque rien des jeunes nés à l'étranger : leurs liens avec le Maroc, leurs attentes en matière de langue, de culture et d'emploi.",
    approach:
      "Étude quantitative en ligne dans douze pays, complétée par des groupes de discussion avec des associations de jeunes, puis des ateliers de restitution avec les institutions concernées pour transformer les résultats en recommandations.",
    results:
      "L'étude a nourri les recommandations du Conseil sur l'enseignement de la langue arabe et amazighe et sur les programmes d'université d'été. Les jeunes consultés demandent à être associés au suivi des recommandations.",
    figures: [
      { label: "Jeunes consultés", value: "1 200" },
      { label: "Pays couverts", value: "12" },
      { label: "Ateliers de restitution", value: "6" },
    ],
    resources: [{ title: "Conseil de la communauté marocaine à l'étranger", url: "https://www.ccme.org.ma/" }],
    country: "MA",
    themes: ["YOUTH_AND_EDUCATION", "CULTURE_AND_LANGUAGE", "GOVERNANCE_AND_PARTNERSHIPS"],
    languages: ["fr", "ar", "en"],
    visibility: "PEERS",
    status: "PUBLISHED",
    submittedAt: "2023-06-12T09:00:00Z",
    publishedAt: "2023-06-15T14:00:00Z",
  },
  {
    organisation: "ote",
    author: "pair@majlis.test",
    title: "شبكة الكفاءات التونسية بالخارج",
    problem:
      "كانت الكفاءات التونسية المقيمة بالخارج مستعدة لدعم التنمية في تونس، لكن المؤسسات لم تكن تعرف من هي هذه الكفاءات ولا في أي مجالات تعمل، فبقيت المبادرات فردية ومتفرقة.",
    approach:
      "أنشأ الديوان قاعدة بيانات للكفاءات حسب الاختصاص وبلد الإقامة، ونظّم لقاءات دورية بين الكفاءات والمؤسسات العمومية والجامعات، مع برنامج لبعثات الخبرة القصيرة إلى تونس وإدماج الكفاءات في لجان المشاريع الجهوية.",
    results:
      "ساهمت الشبكة في إطلاق شراكات بين الجامعات التونسية ومراكز بحث في أوروبا وكندا، وفي تأطير مشاريع جهوية. الدرس المستفاد: تحديث قاعدة البيانات باستمرار أهم من توسيعها بسرعة.",
    figures: [
      { label: "كفاءات مسجلة في الشبكة", value: "3500" },
      { label: "بعثات خبرة إلى تونس", value: "60" },
      { label: "بلدان الإقامة", value: "25" },
    ],
    resources: [{ title: "ديوان التونسيين بالخارج", url: "https://www.ote.nat.tn/" }],
    country: "TN",
    themes: ["SKILLS_MOBILISATION", "NETWORKS_AND_ASSOCIATIONS"],
    languages: ["ar", "fr"],
    visibility: "PUBLIC",
    status: "PUBLISHED",
    submittedAt: "2023-08-28T09:00:00Z",
    publishedAt: "2023-09-04T09:30:00Z",
  },
  {
    organisation: "ote",
    author: "pair@majlis.test",
    title: "Accompagnement du retour et de la réinsertion des Tunisiens de l'étranger",
    problem:
      "Les Tunisiens qui rentrent après des années à l'étranger, en particulier les retraités et les familles avec enfants scolarisés, se heurtent à des démarches longues : équivalences de diplômes, transferts de droits sociaux, scolarité.",
    approach:
      "Un guichet d'accueil dans chaque bureau régional de l'Office, un guide du retour mis à jour chaque année, et des conventions avec les ministères de l'Éducation et des Affaires sociales pour traiter les dossiers en priorité.",
    results: "Les délais de traitement des équivalences ont baissé ; le guide du retour est le document le plus demandé de l'Office.",
    figures: [{ label: "Familles accompagnées par an", value: "900" }],
    resources: [],
    country: "TN",
    themes: ["RETURN_AND_REINTEGRATION", "CONSULAR_AND_ADMIN_SERVICES"],
    languages: ["fr", "ar"],
    visibility: "PEERS",
    status: "PENDING",
    submittedAt: "2023-11-20T08:00:00Z",
  },
];

export async function seedDemoPractices({ organisations, users }: { organisations: Record<string, string>; users: Record<string, string> }) {
  const db = getDb();
  if ((await db.practice.count()) > 0) return;
  const byId = new Map((await db.organisation.findMany({ select: { id: true, name: true, contactName: true, contactEmail: true } })).map((o) => [o.id, o]));
  for (const { organisation: key, author, submittedAt, publishedAt, ...practice } of PRACTICES) {
    const organisation = byId.get(organisations[key]);
    if (!organisation) continue;
    await db.practice.create({
      data: {
        ...practice,
        organisationId: organisation.id,
        authorId: users[author] ?? null,
        contactName: organisation.contactName,
        contactEmail: organisation.contactEmail,
        submittedAt: submittedAt ? new Date(submittedAt) : null,
        publishedAt: publishedAt ? new Date(publishedAt) : null,
        moderatedById: practice.status === "PUBLISHED" && practice.visibility !== "INSTITUTION" ? (users["organisatrice@majlis.test"] ?? null) : null,
        searchText: practiceSearchText({ ...practice, institutionName: organisation.name }),
      },
    });
  }
}
