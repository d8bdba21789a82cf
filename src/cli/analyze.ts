import { ANALYZE_STEPS } from '../pipeline/index.ts';
import type { Command } from './command.ts';
import { EXIT_CODES_HELP } from './exit-code.ts';
import { PIPELINE_OPTIONS_HELP, pipelineCommand } from './pipeline-command.ts';

const HELP = `Usage: parallax analyze [options] <inputs...>

Read news articles and run the whole pipeline on them: extract each clean
article (headline, bylines, date, outlet, credits, body, and every block of
page furniture removed with its reason), then the later stages. Bad inputs
are listed as problems; the rest of the batch carries on.

${PIPELINE_OPTIONS_HELP}

Examples:
  parallax analyze examples/harbour-crane
  parallax analyze 'news/**/*.html' --format json > analysis.json
  parallax analyze feed.xml https://example.com/story.html -o report.md
  curl -s https://example.com/story.html | parallax analyze - --format md

${EXIT_CODES_HELP}`;

/** `parallax analyze <inputs...>`: read inputs and run every pipeline stage on them. */
export const analyzeCommand: Command = pipelineCommand({
  name: 'analyze',
  summary: 'Read news articles and run the whole pipeline on them',
  help: HELP,
  steps: ANALYZE_STEPS,
});
