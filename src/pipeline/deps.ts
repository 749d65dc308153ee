/** What one poll cycle and the HTTP app need, composed by each runtime (Node or Workers). */
import type { Db } from '../db/schema.js';
import type { Config, Env } from '../config/index.js';
import type { Source, SourceIO } from '../sources/source.js';
import type { Channel, ChannelIO } from '../channels/channel.js';

export interface ChannelInstance {
  name: string;
  channel: Channel<unknown>;
  cfg: unknown;
}

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
