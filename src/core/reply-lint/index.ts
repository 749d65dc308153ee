/** Reply linter: rules from `rules/reply-lint.yaml`, pure linting of a draft or posted reply. */
export { parseLintRules, type LintRules, type DeflectionRule, type EngagementSignalRule, type NoSubstanceRule, type Bilingual } from './rules.js';
export { lintReply, replyLang, type Finding, type EngagementSignal, type LintResult, type Span } from './lint.js';
