/**
 * Codes any step can emit: a check that stopped with an error, a tool's output that could not be
 * read, a remedy the user ran. Each finding names its step (`init.step`).
 */
import { defineFindings } from './define';

export const commonFindings = defineFindings(null, {
  'engine.check-failed': {
    title: '{check}: the check stopped before it could decide',
    explanation:
      'This check ran into an error and gave up; the other checks still ran. The reason says what went wrong; fix it and run the diagnosis again.',
  },
  'tool.output-unrecognised': {
    title: 'The output of {tool} could not be read{exit}',
    explanation:
      'The command ran, but what it printed is not in a form this extension recognises, so nothing was concluded from it. The output is kept as evidence.',
  },
  'remedy.ran': {
    title: '{summary}: exit code {exitCode}',
    explanation: 'Run the diagnosis again to see whether the problem is gone.',
  },
});
