import type { Table } from './strings';

// One file for Brazil and Portugal: words both use (no "você"/"tu", "Avançar" rather than "Próximo"/"Seguinte").
export default {
  label: 'Sua opinião',
  close: 'Fechar',
  back: 'Voltar',
  next: 'Avançar',
  send: 'Enviar',
  thanks: 'Muito obrigado!',
  of: '{n} de {total}',
  yourAnswer: 'Sua resposta: {answer}',
  stars_one: '{n} estrela',
  stars: '{n} estrelas',
  emoji1: 'Muito insatisfeito',
  emoji2: 'Insatisfeito',
  emoji3: 'Indiferente',
  emoji4: 'Satisfeito',
  emoji5: 'Adorei',
  npsLow: 'Nada provável',
  npsHigh: 'Extremamente provável',
  up: 'Sim',
  down: 'Não',
} satisfies Table;
