/** Inorganic amplification: per-incident evidence that a spread is driven by bought or coordinated accounts. */
export { assessAmplification, DEFAULT_THRESHOLDS, type AmplificationAssessment, type InorganicThresholds, type Repost } from './amplification.js';
export { normaliseRepostText } from './normalise-text.js';
