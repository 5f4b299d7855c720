// @ts-check
/**
 * A generous default per-test limit: the machine may be a busy 2-core box, and no test relies on
 * finishing quickly. Tests that are slow by design name a larger limit of their own.
 */
jest.setTimeout(60_000);
