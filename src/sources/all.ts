/** Every source kind, by name: the platform sources plus replay and webhook. */
import { replay } from './replay.js';
import { webhook } from './webhook.js';

export const ALL_SOURCES = { replay, webhook } as const;
