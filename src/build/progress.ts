/**
 * The progress line of long runs (the build's articles, `npm run check`): done out of total, the
 * rate, and the time left at that rate. It is drawn only for a person at a terminal; CI logs and
 * piped output get the summary lines alone.
 */
export function progressLine(label: string, done: number, total: number, elapsedMs: number): string {
  const perSecond = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const numbers = new Intl.NumberFormat('en');
  const parts = [`${label} ${numbers.format(done)}/${numbers.format(total)}`];
  // Before a second has passed the rate is mostly start-up time, and the estimate would be wild.
  if (done > 0 && done < total && perSecond > 0 && elapsedMs >= 1000) {
    parts.push(`${numbers.format(Math.round(perSecond))}/s`, `${formatDuration(((total - done) / perSecond) * 1000)} left`);
  }
  return parts.join(' · ');
}

export function formatDuration(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
}

export interface ProgressStream {
  readonly isTTY?: boolean | undefined;
  write(text: string): unknown;
}

/** Whether a progress line would be seen: a terminal, outside CI. */
export function wantsProgress(stream: ProgressStream, env: Record<string, string | undefined>): boolean {
  return stream.isTTY === true && !env['CI'];
}

/**
 * A progress reporter that redraws one line at most ten times a second and clears it at the end.
 * Runs shorter than `minimum` items draw nothing: they are over before anyone could read it.
 */
export function createProgress(stream: ProgressStream, label: string, options: { minimum?: number; now?: () => number } = {}) {
  const now = options.now ?? Date.now;
  const minimum = options.minimum ?? 200;
  const started = now();
  let drawn = 0;
  return (done: number, total: number) => {
    if (total < minimum) return;
    const time = now();
    if (done < total && time - drawn < 100) return;
    drawn = time;
    stream.write(`\r\x1b[K${progressLine(label, done, total, time - started)}`);
    if (done >= total) stream.write('\r\x1b[K');
  };
}
