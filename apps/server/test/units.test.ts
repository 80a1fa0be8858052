import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { decideAgent, type Candidate } from '../src/modules/routing/decide.ts';
import { stats, summarize } from '../src/modules/metrics/summary.ts';
import { LoginThrottle } from '../src/modules/security/login-throttle.ts';

const c = (id: string, load: number, extra: Partial<Candidate> = {}): Candidate => ({ id, presence: 'online', load, maxChats: 3, lastAssignedAt: 0, departmentIds: [], ...extra });

describe('decideAgent', () => {
  it('picks the least loaded online agent under capacity', () => {
    expect(decideAgent([c('a', 2), c('b', 1), c('c', 3)])).toBe('b');
  });
  it('skips away, offline and full agents; null when nobody can take it', () => {
    expect(decideAgent([c('a', 0, { presence: 'away' }), c('b', 0, { presence: 'offline' }), c('c', 3)])).toBeNull();
    expect(decideAgent([])).toBeNull();
  });
  it('breaks ties by longest idle, then by id', () => {
    expect(decideAgent([c('a', 1, { lastAssignedAt: 500 }), c('b', 1, { lastAssignedAt: 100 })])).toBe('b');
    expect(decideAgent([c('b', 1), c('a', 1)])).toBe('a');
  });
  it('only considers agents of the conversation’s department', () => {
    const agents = [c('a', 0, { departmentIds: ['orders'] }), c('b', 2, { departmentIds: ['tech', 'orders'] }), c('g', 0)];
    expect(decideAgent(agents, { departmentId: 'tech' })).toBe('b');
    expect(decideAgent(agents, { departmentId: 'orders' })).toBe('a');
    expect(decideAgent(agents, { departmentId: 'returns' })).toBeNull();
    expect(decideAgent(agents, { departmentId: 'tech', previousAgentId: 'a' })).toBe('b'); // previous agent, but not in the department
    expect(decideAgent(agents)).toBe('a'); // no department: anyone, least loaded, ties by id
  });
  it('sends a returning visitor back to their previous agent when free, even if busier', () => {
    expect(decideAgent([c('a', 0), c('b', 2)], { previousAgentId: 'b' })).toBe('b');
    expect(decideAgent([c('a', 0), c('b', 3)], { previousAgentId: 'b' })).toBe('a');
    expect(decideAgent([c('a', 0), c('b', 0, { presence: 'away' })], { previousAgentId: 'b' })).toBe('a');
  });
});

describe('metrics arithmetic', () => {
  it('averages and medians', () => {
    expect(stats([])).toEqual({ count: 0, avgMs: null, medianMs: null });
    expect(stats([5, 1, 3])).toEqual({ count: 3, avgMs: 3, medianMs: 3 });
    expect(stats([4, 1, 3, 10])).toEqual({ count: 4, avgMs: 4.5, medianMs: 3.5 });
  });
  it('FRT needs a queued time and an agent reply; resolution needs resolvedAt', () => {
    const m = summarize(
      [
        { id: 'x', createdAt: 0, queuedAt: 10, firstAgentReplyAt: 70, resolvedAt: 100 },
        { id: 'y', createdAt: 0, queuedAt: 5, firstAgentReplyAt: null, resolvedAt: null },
      ],
      null,
      null,
    );
    expect(m.firstResponse).toEqual({ count: 1, avgMs: 60, medianMs: 60 });
    expect(m.resolution).toEqual({ count: 1, avgMs: 100, medianMs: 100 });
    expect(m.resolved).toBe(1);
  });
});

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.PUBLIC_URL).toBe('http://localhost:3000');
    expect(c.DB_SYNCHRONOUS).toBe('FULL');
  });
  it('names the variable of a bad value', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT="abc"/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://x' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ SITE_ORIGINS: 'demo=http://ok.test/path' })).toThrow(/SITE_ORIGINS/);
    expect(() => loadConfig({ DEMO: 'maybe' })).toThrow(/DEMO/);
  });
  it('parses allowed origins per site', () => {
    expect(loadConfig({ SITE_ORIGINS: 'demo=http://localhost:3001 https://shop.it;b2=https://b2.example' }).SITE_ORIGINS).toEqual({
      demo: ['http://localhost:3001', 'https://shop.it'],
      b2: ['https://b2.example'],
    });
  });
});

describe('login throttle', () => {
  it('stops an address for an account; holds every address for an account under attack, 0.5 s doubling up to the cap, then lets go', () => {
    const t = new LoginThrottle({ capacity: 2, windowMs: 60_000 }, { capacity: 3, windowMs: 60_000 }, 4000);
    const at = 1_000_000;
    t.failed('a', 'x@y.z', at);
    expect(t.refused('a', 'x@y.z', at)).toBe(0);
    t.failed('a', 'x@y.z', at);
    expect(t.refused('a', 'x@y.z', at)).toBeGreaterThan(0);
    expect(t.refused('b', 'x@y.z', at)).toBe(0); // another address
    expect(t.refused('a', 'w@y.z', at)).toBe(0); // another account
    expect(t.holdMs('x@y.z', at)).toBe(0); // two failures: not under attack yet
    const holds: number[] = [];
    for (const from of ['b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      t.failed(from, 'x@y.z', at);
      holds.push(t.holdMs('x@y.z', at));
    }
    expect(holds).toEqual([500, 1000, 2000, 4000, 4000, 4000, 4000]);
    expect(t.holdMs('w@y.z', at)).toBe(0);
    // The debt is bounded: a few minutes after the attack, no hold.
    expect(t.holdMs('x@y.z', at + 3 * 60_000)).toBe(0);
  });
});

describe('queue priority', async () => {
  const { priorityOf } = await import('../src/modules/routing/priority.ts');
  const rules = { tiers: { vip: 3, gold: 1 }, cartValueThreshold: 200, cartValueBonus: 2 };
  it('adds the department urgency, the tier bonus and the cart bonus', () => {
    expect(priorityOf(0, {}, rules)).toBe(0);
    expect(priorityOf(1, { tier: 'VIP' }, rules)).toBe(4);
    expect(priorityOf(0, { tier: 'gold', cartValue: 200 }, rules)).toBe(3);
    expect(priorityOf(0, { cartValue: 199.99 }, rules)).toBe(0);
    expect(priorityOf(0, { cartValue: '250' }, rules)).toBe(2);
    expect(priorityOf(0, { tier: 'bronze', cartValue: 'lots' }, rules)).toBe(0);
    expect(priorityOf(0, { cartValue: 10_000 }, { ...rules, cartValueThreshold: null })).toBe(0);
  });
});
