/**
 * The chat panel's CSS, injected in a <style> inside the shadow root (the loader's own <style>
 * sets `:host { all: initial }` and --parla-brand, which a site may override on #parla-widget,
 * and draws the launcher; its open state and unread badge are styled here). The rarely needed
 * parts bring their own CSS (extras.tsx).
 */
export const css = `
.l{position:relative}.l[aria-expanded=true] .m,.l[aria-expanded=false] .c{display:none}
.n{position:absolute;top:-3px;right:-3px;min-width:20px;height:20px;padding:0 6px;box-sizing:border-box;border-radius:10px;background:#dc2626;font:600 12px/20px system-ui,sans-serif}
.p{position:fixed;right:20px;bottom:88px;width:376px;height:min(620px,calc(100vh - 108px));display:flex;flex-direction:column;
background:#fff;color:#111827;border-radius:16px;overflow:hidden;box-shadow:0 12px 40px rgba(15,23,42,.2),0 2px 6px rgba(15,23,42,.08);
font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;text-align:left}
.p[hidden]{display:none}
@media (prefers-reduced-motion:no-preference){.p{animation:in .18s ease-out}@keyframes in{from{opacity:0;transform:translateY(8px)}}}
@media (max-width:599.98px){.p{inset:0;width:auto;height:auto;border-radius:0}textarea,input,select{font-size:16px}}
.hd{display:flex;align-items:center;gap:12px;padding:14px 12px 14px 18px;background:var(--parla-brand);color:#fff}
h2{margin:0;font-size:16px;font-weight:600}
.st{margin:1px 0 0;font-size:13px}
button,textarea,input,select{font:inherit;color:inherit}
button{cursor:pointer}
:focus-visible{outline:2px solid var(--parla-brand);outline-offset:2px}

.hd :focus-visible{outline-color:#fff}
.x{margin-left:auto;width:36px;height:36px;border:0;border-radius:50%;background:transparent;display:grid;place-items:center}
.x:hover{background:rgba(255,255,255,.16)}
svg{width:20px;height:20px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
.log{flex:1;overflow-y:auto;padding:16px;display:flex;flex-direction:column;gap:10px;background:#f8fafc}
.m{max-width:82%;align-self:flex-start;display:flex;flex-direction:column;align-items:flex-start}
.me{align-self:flex-end;align-items:flex-end}
.b{margin:0;padding:8px 12px;border-radius:16px 16px 16px 4px;background:#fff;border:1px solid #e5e7eb;white-space:pre-wrap;overflow-wrap:anywhere}
.me .b{background:var(--parla-brand);border-color:transparent;color:#fff;border-radius:16px 16px 4px 16px}
.b a{color:inherit;text-decoration:underline}
.who,.meta{font-size:12px;color:#6b7280;margin:0 4px 2px}
.meta{margin:2px 4px 0}
.err{color:#b91c1c}
.ev,.note{align-self:center;text-align:center;font-size:13px;color:#6b7280;margin:2px 8px}
.note{background:#fff;border:1px solid #e5e7eb;border-radius:12px;padding:10px 14px;color:#374151}
.ty{margin:0;padding:0 18px 6px;font-size:13px;color:#6b7280;background:#f8fafc;font-style:italic}
form{display:flex;flex-wrap:wrap;align-items:flex-end;gap:8px;padding:10px 12px;border-top:1px solid #e5e7eb;background:#fff}
textarea,input,select{box-sizing:border-box;width:100%;margin:0;padding:9px 12px;border:1px solid #d1d5db;border-radius:12px;background:#fff;line-height:1.45}
textarea{resize:vertical}
.c textarea{flex:1;width:0;resize:none;height:42px;max-height:128px}
:is(textarea,input,select):focus{outline:0;border-color:var(--parla-brand);box-shadow:0 0 0 1px var(--parla-brand)}
[aria-invalid=true]{border-color:#b91c1c}
.pc,.fl{display:flex;flex-direction:column;gap:8px;width:100%}
.fl{gap:3px}
label{font-size:13px;font-weight:500;color:#374151}
.op{font-weight:400;color:#6b7280}
.fe{margin:0;font-size:13px;color:#b91c1c}
.bt{padding:6px 10px;font-size:14px;border:1px solid var(--parla-brand);border-radius:10px;background:#fff;color:var(--parla-brand);font-weight:500}
.pr{background:var(--parla-brand);color:#fff}
.bt:disabled{opacity:.6;cursor:default}
.s{flex:none;width:42px;height:42px;border:0;border-radius:50%;background:var(--parla-brand);color:#fff;display:grid;place-items:center}
.s:disabled{opacity:.45;cursor:default}
.at{background:none;color:inherit;cursor:pointer}.at:focus-within{outline:2px solid var(--parla-brand)}
.im{display:block;max-width:100%;max-height:180px;border-radius:8px;margin-top:4px}.fi{display:block;margin-top:4px;color:inherit}
.tag{margin-left:6px;padding:0 6px;border-radius:8px;background:#e0e7ff;color:#3730a3;font-size:11px;font-weight:600}
.bot .b{background:#eef2ff;border-color:#c7d2fe}
.qa,.fb{display:flex;flex-wrap:wrap;gap:6px;max-width:90%;font-size:13px;color:#374151}
.fb{max-width:none;width:100%}
.fb p{margin:4px 0 0;width:100%}
.qa .bt{font-size:13px;padding:4px 10px}
.sg{list-style:none;margin:0;padding:0;width:100%;display:flex;flex-direction:column;gap:4px}
.sg button{width:100%;text-align:left;padding:6px 10px;font-size:13px;border:1px solid #e5e7eb;border-radius:10px;background:#f8fafc}
.sg button:hover,.human:hover{border-color:var(--parla-brand)}
.human{width:100%}
.sr{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.pv{display:flex;flex-wrap:wrap;gap:4px 14px;padding:4px 18px;border-bottom:1px solid #e5e7eb}
.lk{padding:2px 0;border:0;background:none;font-size:12px;color:#475569;text-decoration:underline}
`;
