/** NAB scoring: public surface for the backtest and the benchmark. */
export { NAB_PROFILES, normalisedScore, probationRows, scaledSigmoid, scoreFile, windowsToRows, type FileScore, type NabProfile, type RowWindow } from './scorer.js';
