export interface DeployCounts {
  readonly uploaded: number;
  readonly deleted: number;
  readonly unchanged: number;
  /** Bytes uploaded: the size of the files, not of the requests. */
  readonly bytes: number;
}

const numbers = new Intl.NumberFormat('en');

/** The last line of a deploy's log, the one a person reads. */
export function deploySummary(counts: DeployCounts, where: string, outcome: { dryRun: true } | { dryRun: false; seconds: number }): string {
  const { uploaded, deleted, unchanged, bytes } = counts;
  const files = `${numbers.format(uploaded)} file${uploaded === 1 ? '' : 's'} (${numbers.format(bytes)} bytes)`;
  const [gone, kept] = [numbers.format(deleted), numbers.format(unchanged)];
  return outcome.dryRun
    ? `Dry run: would upload ${files}, delete ${gone}, leave ${kept} unchanged; ${where} was not changed.`
    : `Deployed to ${where} in ${outcome.seconds.toFixed(1)} s: uploaded ${files}, deleted ${gone}, unchanged ${kept}.`;
}
