import { render } from 'preact';
import { LocationProvider } from 'preact-iso';
import { takeLinkFragment } from './admin.ts';
import { App } from './app.tsx';
import { lang } from './i18n.ts';
import { BASE } from './routes.ts';
import './styles.css';

document.documentElement.lang = lang;
// An invitation or reset link's token leaves the address bar before the first render.
const link = takeLinkFragment(location, history);
// The router follows clicks on links under /console/ only (downloads and API links load normally).
render(
  <LocationProvider scope={`${BASE}/`}>
    <App link={link} />
  </LocationProvider>,
  document.getElementById('app')!,
);
