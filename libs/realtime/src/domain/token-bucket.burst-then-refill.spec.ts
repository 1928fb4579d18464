import { fullBucket, takeToken, TokenBucketOptions, TokenBucketState } from './token-bucket';

const opts: TokenBucketOptions = { capacity: 3, refillPerSecond: 2 };

function takeMany(state: TokenBucketState, n: number, nowMs: number): { allowed: number; state: TokenBucketState } {
  let allowed = 0;
  for (let i = 0; i < n; i++) {
    const r = takeToken(state, opts, nowMs);
    state = r.state;
    if (r.allowed) allowed++;
  }
  return { allowed, state };
}

describe('token bucket: a burst, then the refill rate', () => {
  it('allows a full burst, then refuses with the time until the next token', () => {
    const { allowed, state } = takeMany(fullBucket(opts, 0), 3, 0);
    expect(allowed).toBe(3);
    const refused = takeToken(state, opts, 0);
    expect(refused).toMatchObject({ allowed: false, retryAfterMs: 500 });
  });

  it('refills at the configured rate and never above capacity', () => {
    let { state } = takeMany(fullBucket(opts, 0), 3, 0);
    expect(takeToken(state, opts, 499).allowed).toBe(false);
    const after = takeToken(state, opts, 500);
    expect(after.allowed).toBe(true);
    state = after.state;
    // An hour idle refills to capacity, not to 7,200 tokens.
    expect(takeMany(state, 10, 3_600_000).allowed).toBe(3);
  });

  it('charges expensive messages more', () => {
    const state = fullBucket(opts, 0);
    const r = takeToken(state, opts, 0, 3);
    expect(r.allowed).toBe(true);
    expect(takeToken(r.state, opts, 0, 1)).toMatchObject({ allowed: false, retryAfterMs: 500 });
    expect(takeToken(fullBucket(opts, 0), opts, 0, 5)).toMatchObject({ allowed: false, retryAfterMs: 1000 });
  });

  it('refills nothing when the clock goes backwards', () => {
    const { state } = takeMany(fullBucket(opts, 10_000), 3, 10_000);
    expect(takeToken(state, opts, 5_000).allowed).toBe(false);
    expect(takeToken(state, opts, 10_499).allowed).toBe(false);
  });
});
