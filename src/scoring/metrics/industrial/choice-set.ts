import type { MeanMetric } from '../../types.js';
import { fmeaVerdict } from './verdicts.js';

export { fmeaValue, optionNumbers, setF1 } from './fmea-check.js';

export const fmeaScore: MeanMetric = {
  kind: 'mean',
  name: 'fmea_score',
  description: 'ind-fmea: set-F1 of the chosen option numbers (choice-set items) or exact integer RPN (rpn items); 0–1.',
  range: [0, 1],
  score: ({ raw, item }) => fmeaVerdict(raw, item),
};
