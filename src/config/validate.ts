/** Small validators that name the file and field of whatever is wrong. */
import { ConfigError } from '../core/errors.js';

export type Obj = Record<string, unknown>;

export class Fields {
  constructor(
    readonly file: string,
    readonly obj: Obj,
    readonly prefix = '',
  ) {}

  private name(k: string): string {
    return this.prefix ? `${this.prefix}.${k}` : k;
  }

  fail(k: string, problem: string): never {
    throw new ConfigError(this.file, this.name(k), problem);
  }

  str(k: string): string;
  str(k: string, dflt: string | null): string | null;
  str(k: string, dflt?: string | null): string | null {
    const v = this.obj[k];
    if (v === undefined || v === null) {
      if (dflt !== undefined) return dflt;
      this.fail(k, 'is required');
    }
    if (typeof v !== 'string' || v.trim() === '') this.fail(k, `must be a non-empty string, got ${JSON.stringify(v)}`);
    return v;
  }

  num(k: string, dflt: number, min = -Infinity, max = Infinity): number {
    const v = this.obj[k] ?? dflt;
    if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(k, `must be a number, got ${JSON.stringify(v)}`);
    if (v < min || v > max) this.fail(k, `must be between ${min} and ${max}, got ${v}`);
    return v;
  }

  strs(k: string, dflt: string[] = []): string[] {
    const v = this.obj[k];
    if (v === undefined || v === null) return dflt;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x.trim() === '')) this.fail(k, 'must be a list of non-empty strings');
    return v as string[];
  }

  oneOf<T extends string>(k: string, allowed: readonly T[], dflt: T): T {
    const v = this.obj[k] ?? dflt;
    if (!allowed.includes(v as T)) this.fail(k, `must be one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`);
    return v as T;
  }

  sub(k: string, required = false): Fields | null {
    const v = this.obj[k];
    if (v === undefined || v === null) {
      if (required) this.fail(k, 'is required');
      return null;
    }
    if (typeof v !== 'object' || Array.isArray(v)) this.fail(k, 'must be a mapping');
    return new Fields(this.file, v as Obj, this.name(k));
  }

  list(k: string): Fields[] {
    const v = this.obj[k];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) this.fail(k, 'must be a list');
    return v.map((item, i) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) this.fail(`${k}[${i}]`, 'must be a mapping');
      return new Fields(this.file, item as Obj, this.name(`${k}[${i}]`));
    });
  }

  /** Rejects keys the schema does not know, so a typo does not silently do nothing. */
  only(keys: string[]): void {
    for (const k of Object.keys(this.obj)) if (!keys.includes(k)) this.fail(k, `unknown field (known: ${keys.join(', ')})`);
  }
}
