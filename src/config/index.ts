export {
  loadConfigFile,
  ConfigError,
  CONFIG_FILE_NAMES,
  fieldPath,
  type JpevalConfig,
  type ConfigModel,
  type LoadConfigOptions,
} from './config-file.js';
export { configFileSchema, modelEntrySchema } from './schema.js';
export { effectiveConfig, backendOptions, describeModel, DEFAULTS, type EffectiveConfig, type EffectiveModel, type ConfigFlags } from './effective.js';
