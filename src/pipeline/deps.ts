/** What one poll cycle and the HTTP app need, composed by each runtime (Node or Workers). */
import type { Db } from '../db/schema.js';
import type { Config, Env } from '../config/index.js';
import type { Source, SourceIO } from '../sources/source.js';
import type { ChannelIO } from '../channels/channel.js';
import type { ChannelInstance } from '../config/routing.js';

export type { ChannelInstance };

export interface Deps {
  db: Db;
  config: Config;
  env: Env;
  sources: Record<string, Source<unknown>>;
  /** Alert destinations by name; an empty map keeps alerts in the local outbox (shown on the dashboard). */
  channels: Map<string, ChannelInstance>;
  sourceIO: SourceIO;
  channelIO: Omit<ChannelIO, 'idempotencyKey'>;
  /** Signing secret for ack links. */
  secret: string;
  newId(): string;
  log(line: string): void;
}
