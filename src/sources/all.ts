/** Every source kind by name: the platform sources (registry.ts) plus replay and webhook. The one table the runtime uses. */
import { SOURCES } from './registry.js';
import { replay } from './replay.js';
import { webhook } from './webhook.js';

export const ALL_SOURCES = { ...SOURCES, replay, webhook } as const;
