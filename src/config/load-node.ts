/** Reads the rules directory from disk (Node only); parsing stays in buildConfig. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { RuleFile } from '../core/errors.js';

const RULE_FILE = /\.(ya?ml|md|tsv|txt|json)$/;

/** Every rule file under `dir`, with paths relative to it using forward slashes. */
export function readRulesDir(dir: string): RuleFile[] {
  const out: RuleFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      // rules/examples/ holds labelled posts the derive script fits on, not rules: the app and the Worker skip it.
      if (statSync(p).isDirectory()) {
        if (relative(dir, p) !== 'examples') walk(p);
      } else if (RULE_FILE.test(name) && !/README/i.test(name)) out.push({ path: relative(dir, p).split(sep).join('/'), text: readFileSync(p, 'utf8') });
    }
  };
  walk(dir);
  return out;
}
