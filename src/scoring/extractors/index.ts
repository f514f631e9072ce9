import { Registry } from '../../util/registry.js';
import type { Extractor } from '../types.js';
import { choiceExtractor } from './choice.js';
import { firstLineExtractor } from './first-line.js';
import { answerLineExtractor, quantityExtractor, stProgramExtractor } from './industrial.js';
import { jsonExtractor } from './json.js';
import { jsonAnswerExtractor } from './json-answer.js';
import { numberExtractor } from './number.js';
import { rawExtractor } from './raw.js';
import { regexExtractor } from './regex.js';

/** Every extractor a suite file can name in `answer.extractor`. */
export const extractors = new Registry<Extractor>('extractor');
for (const extractor of [
  firstLineExtractor,
  rawExtractor,
  regexExtractor,
  numberExtractor,
  choiceExtractor,
  jsonExtractor,
  jsonAnswerExtractor,
  quantityExtractor,
  stProgramExtractor,
  answerLineExtractor,
]) {
  extractors.register(extractor.name, extractor);
}
