import { describe, expect, it } from 'vitest';
import { deploySummary } from '../../../src/lib/deploy/summary.ts';

describe('the summary line of a deploy', () => {
  const counts = { uploaded: 1_200, deleted: 2, unchanged: 31_004, bytes: 1_234_567 };

  it('says what was uploaded, deleted and left, in files and bytes', () => {
    expect(deploySummary(counts, 's3://news/', { dryRun: false, seconds: 3.14 })).toBe(
      'Deployed to s3://news/ in 3.1 s: uploaded 1,200 files (1,234,567 bytes), deleted 2, unchanged 31,004.',
    );
  });

  it('says a dry run changed nothing', () => {
    expect(deploySummary({ ...counts, uploaded: 1 }, 's3://news/', { dryRun: true })).toBe(
      'Dry run: would upload 1 file (1,234,567 bytes), delete 2, leave 31,004 unchanged; s3://news/ was not changed.',
    );
  });
});
