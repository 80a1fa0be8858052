import { render } from 'preact';
import { takeLinkFragment } from './admin.ts';
import { App } from './app.tsx';
import { lang } from './i18n.ts';
import './styles.css';

document.documentElement.lang = lang;
// An invitation or reset link's token leaves the address bar before the first render.
const link = takeLinkFragment(location, history);
render(<App link={link} />, document.getElementById('app')!);
