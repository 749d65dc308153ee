/** A configuration problem that names the file, the field and what is wrong. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}: ${field}: ${problem}`);
    this.name = 'ConfigError';
  }
}

/** A text file of rules, read by a runtime adapter and parsed by pure code. */
export interface RuleFile {
  /** Path relative to the rules root, with forward slashes, e.g. 'brands/acme.yaml'. */
  path: string;
  text: string;
}
