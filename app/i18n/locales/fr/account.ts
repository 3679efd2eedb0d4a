export default {
  title: "Mon compte",
  profile: {
    title: "Profil",
    name: "Nom et prénom",
    language: "Langue préférée",
    languageHint: "Majlis s'affiche dans cette langue dès que vous êtes connecté·e, sur tous vos appareils.",
    submit: "Enregistrer le profil",
    saved: "Profil enregistré.",
  },
  signIn: {
    title: "Pouvoir vous reconnecter",
    intro:
      "Vous avez rejoint l'atelier avec le code de la salle. Ajoutez une adresse e-mail et un mot de passe pour vous connecter plus tard, depuis n'importe quel appareil.",
    email: "Adresse e-mail",
    emailTaken: "Cette adresse est déjà utilisée par un autre compte.",
    submit: "Enregistrer mes identifiants",
    saved: "C'est fait : vous pourrez vous connecter avec {{email}} et votre mot de passe.",
  },
  password: {
    title: "Mot de passe",
    setIntro: "Votre compte n'a pas encore de mot de passe : choisissez-en un pour pouvoir vous connecter.",
    email: "Adresse e-mail de connexion : {{email}}",
    current: "Mot de passe actuel",
    new: "Nouveau mot de passe",
    hint: "Au moins 10 caractères.",
    confirm: "Confirmez le nouveau mot de passe",
    submit: "Changer le mot de passe",
    wrongCurrent: "Le mot de passe actuel est incorrect.",
    throttled: "Trop de tentatives. Réessayez dans {{seconds}} secondes.",
    changed: "Mot de passe changé. Vos autres appareils ont été déconnectés.",
  },
};
