export default {
  login: {
    title: "Connexion",
    email: "Adresse e-mail",
    password: "Mot de passe",
    submit: "Se connecter",
    forgot: "Mot de passe oublié ?",
    invalid: "Adresse e-mail ou mot de passe incorrect.",
    throttled: "Trop de tentatives. Réessayez dans {{seconds}} secondes.",
    joinInstead: "Vous êtes dans la salle sans compte ? Rejoignez avec le code de l'atelier.",
  },
  logout: {
    submit: "Se déconnecter",
  },
  forgot: {
    title: "Mot de passe oublié",
    intro: "Indiquez votre adresse e-mail : nous vous enverrons un lien pour choisir un nouveau mot de passe.",
    email: "Adresse e-mail",
    submit: "Envoyer le lien",
    sentByEmail:
      "Si un compte existe pour cette adresse, un e-mail avec un lien valable une heure vient d'être envoyé.",
    askOrganiser:
      "Si un compte existe pour cette adresse, l'organisateur·rice de votre atelier a reçu votre demande et vous remettra un lien pour choisir un nouveau mot de passe.",
    emailSubject: "Majlis : choisir un nouveau mot de passe",
    emailBody:
      "Bonjour {{name}},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure, une seule fois) :\n{{link}}\n\nSi vous n'avez rien demandé, ignorez ce message.",
  },
  reset: {
    title: "Choisir un nouveau mot de passe",
    password: "Nouveau mot de passe",
    confirm: "Confirmez le mot de passe",
    hint: "Au moins 10 caractères.",
    submit: "Enregistrer le mot de passe",
    invalidLink: "Ce lien n'est plus valable : il a expiré ou a déjà servi. Demandez-en un nouveau.",
    done: "Votre mot de passe a été changé. Vous êtes connecté·e.",
  },
};
