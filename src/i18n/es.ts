import type { Table } from './strings';

export default {
  label: 'Tu opinión',
  close: 'Cerrar',
  back: 'Atrás',
  next: 'Siguiente',
  send: 'Enviar',
  thanks: '¡Muchas gracias!',
  of: '{n} de {total}',
  yourAnswer: 'Tu respuesta: {answer}',
  stars_one: '{n} estrella',
  stars: '{n} estrellas',
  emoji1: 'Muy insatisfecho',
  emoji2: 'Insatisfecho',
  emoji3: 'Normal',
  emoji4: 'Satisfecho',
  emoji5: 'Encantado',
  npsLow: 'Nada probable',
  npsHigh: 'Muy probable',
  up: 'Sí',
  down: 'No',
} satisfies Table;
