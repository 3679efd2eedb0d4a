export default {
  plenary: "Plénière",
  place: "Salle : {{place}}",
  enter: "Rejoindre le direct",
  status: {
    connecting: "Connexion…",
    online: "En direct",
    offline: "Hors ligne — reconnexion automatique…",
  },
  agenda: {
    now: "En ce moment :",
    none: "aucun point de l'ordre du jour en cours.",
  },
  rooms: {
    label: "Salles en direct",
    mine: "ma session",
  },
  presence: {
    title: "Présents ({{count}})",
    inPerson: "Dans la salle",
    remote: "À distance",
  },
  errors: {
    unauthenticated: "Votre session a expiré : reconnectez-vous pour rejoindre le direct.",
    forbidden: "Vous n'avez pas le droit de faire cela dans cette salle.",
    invalidPayload: "Cette demande n'est pas valide.",
    rateLimited: "Trop de demandes en peu de temps : patientez un instant.",
    notFound: "Cet élément n'existe pas ou plus.",
    notInRoom: "Vous n'êtes pas encore dans la salle : patientez pendant la connexion.",
    muted: "Un·e facilitateur·rice a coupé votre parole dans le chat et les questions.",
    pollClosed: "Ce sondage est fermé.",
    sessionFull: "Cette session est complète : plus aucune place libre.",
    internal: "Un problème est survenu. Réessayez.",
    offline: "Pas de connexion : votre saisie est gardée, réessayez quand la connexion revient.",
  },
};
