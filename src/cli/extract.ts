import { EXTRACT_STEPS } from '../pipeline/index.ts';
import type { Command } from './command.ts';
import { EXIT_CODES_HELP } from './exit-code.ts';
import { PIPELINE_OPTIONS_HELP, pipelineCommand } from './pipeline-command.ts';

const HELP = `Usage: parallax extract [options] <inputs...>

Read news articles and extract each clean article: headline, bylines,
publication time, dateline, outlet, credited and cited agencies, language,
body paragraphs, and every block of page furniture removed with its reason.
Nothing else runs: the JSON has the shape of 'parallax analyze' with empty
"stories" and "topics".

${PIPELINE_OPTIONS_HELP}

Examples:
  parallax extract page.html
  parallax extract examples/harbour-crane --format json > articles.json
  parallax extract crawl.warc.gz -o articles.md
  cat notes.txt | parallax extract -

${EXIT_CODES_HELP}`;

/** `parallax extract <inputs...>`: read inputs and extract clean articles, no later stages. */
export const extractCommand: Command = pipelineCommand({
  name: 'extract',
  summary: 'Extract clean articles and their metadata, nothing more',
  help: HELP,
  steps: EXTRACT_STEPS,
});
