/**
 * Two-factor sign-in in the console (headless Chromium, Italian): the agent turns it on from the
 * account dialog (password, the QR code and key, a code made from that key by the test as a
 * phone would), keeps the recovery codes, signs out; signing in then asks for the code, refuses
 * a wrong one, accepts the right one; a recovery code works once; the admin sees the 2FA tag.
 */
import { TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { loginConsole, useProduct } from './harness.ts';
import { DEMO_AGENT_2 } from '@parla/server/demo';

const env = useProduct();
/** The phone: the code of `secret` at `at` (the next 30 s step is accepted too, for a clock a little ahead). */
const phone = (secret: string, at: number) => new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at });

describe('two-factor sign-in in the console', () => {
  it('turns it on in the account dialog, then asks for the code at login; a recovery code signs in once', async () => {
    const p = env.product;
    const ctx = await env.browser.newContext({ locale: 'it-IT' });
    const page = await ctx.newPage();
    await loginConsole(page, p, DEMO_AGENT_2.email, DEMO_AGENT_2.password);

    await page.getByTestId('agent-name').click();
    const dialog = page.getByTestId('password-dialog');
    await expect(dialog.getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Il tuo account');
    const section = dialog.getByTestId('totp-section');
    await section.getByTestId('totp-turn-on').click();
    await section.getByTestId('totp-password').fill(DEMO_AGENT_2.password);
    await section.getByTestId('totp-next').click();
    await section.getByTestId('totp-qr').waitFor();
    expect(await section.getByTestId('totp-qr').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true); // the QR SVG renders under the console's CSP
    const secret = await section.getByTestId('totp-secret').inputValue();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await section.getByTestId('totp-code').fill('000000');
    await section.getByTestId('totp-enable').click();
    await expect(section.getByTestId('totp-error').textContent()).resolves.toContain('codice è errato');
    await section.getByTestId('totp-code').fill(phone(secret, Date.now()));
    await section.getByTestId('totp-enable').click();
    const codes = (await section.getByTestId('totp-recovery-codes').inputValue()).split('\n');
    expect(codes).toHaveLength(10);
    await section.getByTestId('totp-codes-saved').click();
    await expect(section.getByTestId('totp-state').textContent()).resolves.toContain('10 codici di recupero');
    await dialog.getByTestId('password-cancel').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('logout-button').click();

    // Signing in: the password alone is not enough any more.
    const login = async (code?: string) => {
      await page.getByTestId('login-email').fill(DEMO_AGENT_2.email);
      await page.getByTestId('login-password').fill(DEMO_AGENT_2.password);
      await page.getByTestId('login-submit').click();
      if (code === undefined) return;
      await page.getByTestId('login-code').fill(code);
      await page.getByTestId('login-submit').click();
    };
    await login('123456');
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain('codice è errato');
    // The code of the next 30 s step (the one that turned it on is used up).
    await page.getByTestId('login-code').fill(phone(secret, Date.now() + 30_000));
    await page.getByTestId('login-submit').click();
    await page.getByTestId('presence-toggle').waitFor();
    await page.getByTestId('logout-button').click();
    await login(codes[0]);
    await page.getByTestId('presence-toggle').waitFor();
    await page.getByTestId('logout-button').click();
    await login(codes[0]);
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain('codice è errato');

    // The admin sees it on the agent, and can turn it off.
    const admin = await env.browser.newPage();
    await loginConsole(admin, p);
    await admin.getByTestId('nav-agents').click();
    const row = admin.locator(`[data-testid=agent-row]`, { hasText: DEMO_AGENT_2.email });
    await row.getByTestId('agent-totp').waitFor();
    await row.getByTestId('agent-totp-reset').click();
    await admin.getByTestId('agent-totp-confirm').click();
    await row.getByTestId('agent-totp').waitFor({ state: 'detached' });
    const r = await fetch(`${p.chatUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: DEMO_AGENT_2.email, password: DEMO_AGENT_2.password }) });
    expect(r.status).toBe(200);
    await ctx.close();
    await admin.close();
  });
});
