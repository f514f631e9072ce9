import { registerBackend } from '../backend-registry.js';
import { defaultModelBackend } from './default-model.js';
import { localOnnxBackend } from './local-onnx.js';
import { openaiCompatibleBackend } from './openai-compatible.js';

/**
 * The built-in backends, one line each, in the order specs are matched (a plugin's backends,
 * from JPEVAL_PLUGINS, come after them). Adding a backend: its file in this directory, its test,
 * and one line here.
 */
registerBackend(defaultModelBackend);
registerBackend(openaiCompatibleBackend);
registerBackend(localOnnxBackend);
