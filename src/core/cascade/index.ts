/** Cascade forecasting (SEISMIC): public surface for the pipeline. */
export { forecastCascade, outgrowsUsualReach, roughCount, type CascadeForecast, type CascadeObservation } from './forecast.js';
export { predictCascade, toCascade, type SeismicPrediction } from './seismic.js';
export { estimateInfectiousness, type Cascade } from './infectiousness.js';
export { memoryCcdf, TWITTER_KERNEL, type MemoryKernel } from './memory-kernel.js';
