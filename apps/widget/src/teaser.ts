/**
 * The teaser of a proactive message: src/teaser.ts -> dist/widget/teaser.js, loaded by api.js when
 * a rule fires or the page calls Parla.showMessage (never on a site that shows none).
 *
 * A small bubble beside the launcher: the message (a button that opens the chat with it) and a
 * close button, both labelled. It never takes the focus and never opens anything by itself, on a
 * phone as on a desktop: the chat opens, and takes the focus, when the shopper opens the teaser
 * (or the launcher: the message is then in the chat too). Closed, it is gone for the visit (the
 * rule is spent when it fires).
 */

/** Shows the teaser (in place of one shown before); `show` puts the message in the chat, `open` opens the chat. */
export function teaser(root: ShadowRoot, text: string, lang: 'en' | 'it', nonce: string | undefined, show: () => void, open: () => void): void {
  const d = document;
  if (!root.querySelector('.ts')) {
    const st = root.appendChild(d.createElement('style'));
    st.className = 'ts';
    if (nonce) st.nonce = nonce;
    st.textContent =
      '.t{position:absolute;bottom:68px;right:0;display:flex;align-items:flex-start;width:max-content;max-width:min(280px,calc(100vw - 40px));background:#fff;color:#111827;border-radius:14px;box-shadow:0 6px 24px #0003;font:14px/1.4 system-ui,sans-serif}' +
      '.t button{border:0;background:none;font:inherit;color:inherit;cursor:pointer}.tb{flex:1;padding:12px 4px 12px 14px;text-align:left}' +
      '.t .tx{flex:none;width:32px;height:32px;margin:6px;border-radius:50%;font-size:20px;color:#4b5563}.tx:hover{background:#f3f4f6}' +
      '.t :focus-visible{outline:2px solid var(--parla-brand)}.l[aria-expanded=true]~.t{display:none}';
  }
  root.querySelector('.t')?.remove();
  const launcher = root.querySelector('.l')!;
  const t = root.appendChild(d.createElement('div'));
  t.className = 't';
  t.setAttribute('role', 'status');
  const button = (cls: string, label: string, body: string, click: () => void) => {
    const b = t.appendChild(d.createElement('button'));
    b.className = cls;
    b.textContent = body;
    b.setAttribute('aria-label', label);
    b.onclick = () => {
      off();
      click();
    };
  };
  // The launcher opens the chat (its own handler): the message goes in it too.
  const off = () => {
    t.remove();
    launcher.removeEventListener('click', via);
  };
  const via = () => (off(), show());
  launcher.addEventListener('click', via);
  button('tb', `${launcher.getAttribute('aria-label')}: ${text}`, text, () => (show(), open()));
  button('tx', lang == 'it' ? 'Chiudi il messaggio' : 'Dismiss message', '×', () => {});
}
