export default {
  nav: {
    label: "Sections de l'atelier",
    overview: "Programme",
    details: "Informations",
    sessions: "Sessions parallèles",
    agenda: "Ordre du jour",
    people: "Personnes",
    registrations: "Inscriptions",
    checkin: "Accueil",
    room: "Écran de la salle",
  },
  format: {
    IN_PERSON: "En présentiel",
    ONLINE: "En ligne",
    HYBRID: "Hybride",
  },
  status: {
    DRAFT: "Brouillon",
    PUBLISHED: "Publié",
  },
};
