export default {
  bell: {
    label: "Notifications",
    labelUnread: "Notifications, non lues : {{count}}",
  },
  title: "Notifications",
  intro: "Ce qui s'est passé autour des pratiques qui vous concernent. Ouvrir une notification la marque comme lue.",
  markAllRead: "Tout marquer comme lu",
  allRead: "Toutes vos notifications sont marquées comme lues.",
  none: "Aucune notification pour l'instant.",
  unread: "Non lue",
  older: "Notifications plus anciennes",
  newest: "Revenir aux plus récentes",
  someone: "Quelqu'un",
  items: {
    practice: {
      commented: "{{actor}} a commenté « {{title}} »",
      questioned: "{{actor}} a posé une question sur « {{title}} »",
      answered: "{{actor}} a répondu à une question sur « {{title}} »",
      adopted: "{{actor}} indique que son institution a adopté « {{title}} »",
      submitted: "{{actor}} a soumis « {{title}} » à la modération",
      published: "« {{title}} » a été approuvée et publiée",
      rejected: "« {{title}} » a été renvoyée par la modération",
    },
  },
  mail: {
    greeting: "Bonjour {{name}},",
    open: "Pour la lire sur Majlis :\n{{link}}",
    footer: "Vous recevez ce message parce que cette pratique vous concerne. Toutes vos notifications : {{link}}",
    subjects: {
      practice: {
        commented: "Nouveau commentaire sur « {{title}} »",
        questioned: "Nouvelle question sur « {{title}} »",
        answered: "Réponse à une question sur « {{title}} »",
        adopted: "« {{title}} » a été adoptée par une autre institution",
        submitted: "Pratique à modérer : « {{title}} »",
        published: "Votre pratique « {{title}} » est publiée",
        rejected: "Votre pratique « {{title}} » a été renvoyée",
      },
    },
  },
};
