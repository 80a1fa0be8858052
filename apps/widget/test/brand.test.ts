/** The branding's CSS (src/brand.ts): only what the site set, the text colour the server chose, the left side. */
import { describe, expect, it } from 'vitest';
import { css } from '../src/brand.ts';

describe('brand css', () => {
  it('sets the colour and the text on it; a light colour keeps the outlined buttons dark', () => {
    const dark = css({ color: '#7c2d12', ink: '#ffffff' });
    expect(dark).toContain(':host{--parla-brand:#7c2d12}');
    expect(dark).toContain(':host .l,:host .hd,:host .me .b,:host .pr,:host .s:not(.at){color:#ffffff}');
    expect(dark).not.toContain('.bt:not(.pr)');
    expect(dark).not.toContain('left:20px');
    const light = css({ color: '#fde047', ink: '#000000' });
    expect(light).toContain('{color:#000000}');
    expect(light).toContain(':host .bt:not(.pr){color:#111827}');
  });

  it('moves the launcher, the teaser and the desktop panel to the left; a team name alone changes no colour', () => {
    const left = css({ position: 'left' });
    expect(left).toContain(':host{left:20px;right:auto}');
    expect(left).toContain('.t{left:0;right:auto}');
    expect(left).toContain('@media (min-width:600px){:host .p{left:20px;right:auto}}');
    expect(left).not.toContain('--parla-brand:');
    const team = css({ team: 'Caffè Roma' });
    expect(team).not.toContain('--parla-brand:');
    expect(team).not.toContain('left:20px');
  });
});
