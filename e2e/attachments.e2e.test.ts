/**
 * Attachments in real browsers: the shopper attaches a photo in the widget (on the shop's own
 * origin) and the agent sees its preview in the console; the agent sends a PDF and the widget
 * shows its chip; an HTML file renamed .png is refused in the widget with the server's reason.
 */
import { describe, expect, it } from 'vitest';
import { loginConsole, shopperWrites, useProduct } from './harness.ts';

const env = useProduct();

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('attachments in the widget and the console', () => {
  it('a photo from the widget is previewed in the console; a PDF from the console is a chip in the widget; a disguised HTML file is refused', async () => {
    const agentCtx = await env.browser.newContext({ locale: 'en-US' });
    const console_ = await agentCtx.newPage();
    await loginConsole(console_, env.product);

    const { ctx: visitorCtx, shop, pageErrors } = await shopperWrites(env.browser, env.product, 'Buongiorno, la moka è arrivata rotta', 'it-IT');
    const input = shop.locator('#parla-widget textarea#parla-input');

    // The attach button is labelled in the visitor's language.
    const file = shop.locator('#parla-widget input[type=file]');
    await expect(file.getAttribute('aria-label')).resolves.toBe('Allega un’immagine o un PDF');
    await input.fill('ecco la foto');
    await file.setInputFiles({ name: 'moka.png', mimeType: 'image/png', buffer: PNG });
    // The widget shows the picture (fetched with the visitor token into a blob: URL).
    const img = shop.locator('#parla-widget .m.me img.im');
    await img.waitFor();
    await expect(img.getAttribute('src')).resolves.toMatch(/^blob:/);
    await expect(img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).resolves.toBe(1);
    await expect(shop.locator('#parla-widget .m.me .b', { hasText: 'ecco la foto' }).count()).resolves.toBe(1);

    // The console: the conversation opens with the photo's preview.
    const row = console_.getByTestId('inbox-item').first();
    await row.waitFor();
    await row.click();
    const preview = console_.locator('[data-testid=message][data-author-type=visitor] [data-testid=attachment] img');
    await preview.waitFor();
    await expect(preview.getAttribute('alt')).resolves.toBe('moka.png');
    await console_.waitForFunction(() => {
      const i = document.querySelector<HTMLImageElement>('[data-testid=attachment] img');
      return !!i && i.complete && i.naturalWidth === 1;
    });

    // The agent sends a PDF: the widget shows a chip with its name and size.
    await console_.getByTestId('attach-input').setInputFiles({ name: 'reso-1042.pdf', mimeType: 'application/pdf', buffer: PDF });
    await shop.locator('#parla-widget .m:not(.me) a.fi', { hasText: 'reso-1042.pdf' }).waitFor();
    await console_.locator('[data-testid=message][data-author-type=agent] [data-testid=attachment]', { hasText: 'reso-1042.pdf' }).waitFor();

    // An HTML file named .png: refused by content, the reason shown in the widget, nothing sent.
    await file.setInputFiles({ name: 'cat.png', mimeType: 'image/png', buffer: Buffer.from('<!doctype html><script>alert(1)</script>') });
    await shop.locator('#parla-widget .c .fe[role=alert]', { hasText: 'Si possono inviare solo immagini' }).waitFor();
    await expect(shop.locator('#parla-widget .m.me img.im').count()).resolves.toBe(1);

    expect(pageErrors).toEqual([]);
    await visitorCtx.close();
    await agentCtx.close();
  });
});
