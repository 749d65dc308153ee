/** Response tracking: the brand's own posts during an incident, how fast they came, and whether they deflected. */
export { isBrandPost, normaliseHandle, parseBrandAccount, type BrandAccount } from './brand-accounts.js';
export {
  brandResponses,
  responseOverdue,
  summariseResponses,
  type BrandPostLike,
  type BrandResponse,
  type OverdueDecision,
  type ResponseIncident,
  type ResponseSummary,
} from './tracking.js';
