/**
 * The Cloudflare Workers entry (wrangler.toml `main`): the Worker over the repo's rules, which `bundle-rules.ts`
 * writes into worker-rules.generated.ts at build time (wrangler.toml runs it). See worker-app.ts.
 */
import { createWorker } from './worker-app.js';
import { DEMO_BRAND, RULE_FILES } from './worker-rules.generated.js';

export type { WorkerEnv } from './worker-app.js';

export default createWorker(RULE_FILES, DEMO_BRAND);
