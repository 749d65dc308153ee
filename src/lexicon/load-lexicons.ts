/** Reads rules/lexicons/** into RuleFiles (Node only; the runtime has its own reader). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RuleFile } from '../core/errors.js';

/** Every file under `rulesDir/lexicons`, with paths relative to rulesDir ('lexicons/en-negative.tsv'). */
export function readLexiconFiles(rulesDir: string): RuleFile[] {
  const out: RuleFile[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(path.join(rulesDir, rel)).sort()) {
      const r = `${rel}/${name}`;
      if (statSync(path.join(rulesDir, r)).isDirectory()) walk(r);
      else out.push({ path: r, text: readFileSync(path.join(rulesDir, r), 'utf8') });
    }
  };
  walk('lexicons');
  return out;
}
