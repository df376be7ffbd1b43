/** Prints a measured figure into the test run's output (the figures go into the issue notes). */
export function reportFigure(text: string): void {
  process.stdout.write(`figure: ${text}\n`);
}
