import type { Table } from './strings';

export default {
  label: 'Votre avis',
  close: 'Fermer',
  back: 'Retour',
  next: 'Suivant',
  send: 'Envoyer',
  thanks: 'Merci\u00a0!',
  of: '{n} sur {total}',
  yourAnswer: 'Votre réponse\u00a0: {answer}',
  stars_one: '{n} étoile',
  stars: '{n} étoiles',
  emoji1: 'Très mécontent',
  emoji2: 'Mécontent',
  emoji3: 'Neutre',
  emoji4: 'Content',
  emoji5: 'Ravi',
  npsLow: 'Pas du tout probable',
  npsHigh: 'Extrêmement probable',
  up: 'Oui',
  down: 'Non',
} satisfies Table;
