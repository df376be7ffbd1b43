/** One self-overwriting progress line on a terminal; plain lines otherwise (CI logs). */
export function progress(label: string, done: number, total: number): void {
  const line = `${label}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}${done >= total ? '\n' : ''}`);
  else if (done >= total) process.stderr.write(`${line}\n`);
}
