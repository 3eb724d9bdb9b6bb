/**
 * How long a whole plan (type check, program, policy pack) may take by default: far beyond a
 * large plan (3,000 resources take about 10 s), well under CI job limits, so a program that
 * hangs with a live timer fails in two minutes rather than when the CI job is killed.
 */
export const DEFAULT_TIMEOUT_SECONDS = 120;
