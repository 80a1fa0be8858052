/**
 * The console in headless Chromium: an admin adds a canned response in the settings; a visitor
 * writes; the agent is notified (browser notification with permission granted, the count in the
 * tab title); in the reply box "/" lists the responses, typing filters them, the keyboard picks
 * one and its variables are filled in (an unknown one stays visible); the visitor receives it.
 */
import { describe, expect, it } from 'vitest';
import { loginConsole, useProduct } from './harness.ts';

const env = useProduct();

describe('canned responses and notifications in the console', () => {
  it('manages a response in the settings, notifies the agent, and inserts a filled-in answer with the / picker', async () => {
    const { shopUrl, chatUrl } = env.product;
    const agentCtx = await env.browser.newContext({ locale: 'en-US' });
    await agentCtx.grantPermissions(['notifications'], { origin: chatUrl });
    // Every `new Notification(...)` is recorded (the real one is still made).
    await agentCtx.addInitScript(() => {
      const Real = window.Notification;
      const seen: { title: string; body: string }[] = [];
      (window as unknown as { __notes: typeof seen }).__notes = seen;
      class Recorded extends Real {
        constructor(title: string, opts?: NotificationOptions) {
          super(title, opts);
          seen.push({ title, body: opts?.body ?? '' });
        }
      }
      window.Notification = Recorded as typeof Notification;
    });
    const console_ = await agentCtx.newPage();
    const errors: string[] = [];
    console_.on('pageerror', (e) => errors.push(String(e)));
    await loginConsole(console_, env.product);

    // Settings: the demo's responses are listed; the admin adds one.
    await console_.getByTestId('nav-settings').click();
    await console_.getByTestId('settings-nav-canned').click();
    const manager = console_.getByTestId('canned-manager');
    await manager.locator('[data-testid=canned-row][data-shortcut=shipping][data-lang=it]').waitFor();
    await manager.getByTestId('canned-add').click();
    await manager.getByTestId('canned-shortcut').fill('/Sizes');
    await manager.getByTestId('canned-lang').selectOption('en');
    await manager.getByTestId('canned-title').fill('Moka pot sizes');
    await manager.getByTestId('canned-body').fill('Hi {{visitor.name}}, the moka pot comes in 3 and 6 cups. {{order.id}} — {{agent.name}}');
    await manager.getByTestId('canned-save').click();
    await manager.locator('[data-testid=canned-row][data-shortcut=sizes][data-lang=en]').waitFor();
    // The same shortcut twice in one language is refused with the reason.
    await manager.getByTestId('canned-add').click();
    await manager.getByTestId('canned-shortcut').fill('sizes');
    await manager.getByTestId('canned-title').fill('Again');
    await manager.getByTestId('canned-body').fill('Again');
    await manager.getByTestId('canned-save').click();
    await manager.locator('[role=alert]', { hasText: '/sizes already exists' }).waitFor();
    // The proactive messages have their own section of Settings (the demo's checkout rule).
    await console_.getByTestId('settings-nav-proactive').click();
    await console_.locator('[data-testid=proactive-rule][data-rule-id=checkout-help]').waitFor();
    expect(await console_.getByTestId('proactive-text-it').inputValue()).toBe("Serve aiuto per completare l'ordine?");
    await console_.getByTestId('nav-inbox').click();

    // A visitor (who gives a name) writes: the agent gets it, is notified, the title counts it.
    const shopCtx = await env.browser.newContext({ locale: 'en-US' });
    const shop = await shopCtx.newPage();
    await shop.goto(`${shopUrl}/`);
    await shop.locator('#parla-widget button.l').click();
    await shop.locator('#parla-widget [name=name]').fill('Chiara');
    const input = shop.locator('#parla-widget textarea#parla-input');
    await input.fill('Which sizes do you have?');
    await input.press('Enter');
    const row = console_.getByTestId('inbox-item').filter({ hasText: 'Which sizes' });
    await row.waitFor();
    await expect.poll(() => console_.evaluate(() => (window as unknown as { __notes: unknown[] }).__notes)).toEqual([{ title: 'New message from Chiara', body: 'Which sizes do you have?' }]);
    await expect.poll(() => console_.title()).toBe('(1) Parla console');

    // The / picker: filters as you type, keyboard navigable, Escape closes it.
    await row.click();
    const reply = console_.getByTestId('reply-input');
    await reply.click();
    await reply.pressSequentially('/');
    const options = console_.getByTestId('canned-option');
    // All seven (of every department), the agent's language first.
    await expect.poll(() => options.evaluateAll((els) => els.map((e) => e.getAttribute('data-lang')))).toEqual(['en', 'en', 'en', 'en', 'it', 'it', 'it']);
    await reply.pressSequentially('s');
    await expect.poll(() => options.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-shortcut')}:${e.getAttribute('data-lang')}`))).toEqual([
      // Shortcuts starting with "s" first, then those containing it; English before Italian.
      'shipping:en',
      'sizes:en',
      'shipping:it',
      'returns:en',
      'thanks:en',
      'returns:it',
      'thanks:it',
    ]);
    // The reply box stays a textbox (a textarea cannot be a combobox); it points at the open list.
    expect(await reply.getAttribute('role')).toBeNull();
    expect(await reply.getAttribute('aria-autocomplete')).toBe('list');
    expect(await reply.getAttribute('aria-controls')).toBe('canned-list');
    await reply.press('ArrowDown');
    await expect.poll(() => console_.locator('[data-testid=canned-option][aria-selected=true]').getAttribute('data-shortcut')).toBe('sizes');
    await reply.press('Escape');
    expect(await options.count()).toBe(0);
    await reply.pressSequentially('i');
    // /si: the shortcut sizes, then the Italian returns by its title "Resi".
    await expect.poll(() => options.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-shortcut')}:${e.getAttribute('data-lang')}`))).toEqual(['sizes:en', 'returns:it']);
    await reply.press('Enter');
    await expect.poll(() => reply.inputValue()).toBe('Hi Chiara, the moka pot comes in 3 and 6 cups. {{order.id}} — Giulia');
    expect(await options.count()).toBe(0);
    await console_.getByTestId('reply-send').click();
    await shop.locator('#parla-widget .m:not(.me) .b', { hasText: 'Hi Chiara, the moka pot comes in 3 and 6 cups.' }).waitFor();
    expect(errors).toEqual([]);
    await shopCtx.close();
    await agentCtx.close();
  });
});
