// The dashboard page's script: renders the app into <main id="app">.
import { render } from 'preact';
import { App, readFilters } from './app';

const root = document.getElementById('app')!;
root.textContent = ''; // the "Loading…" placeholder
render(<App initial={readFilters(location.search)} />, root);
