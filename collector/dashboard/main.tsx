// The dashboard page's script: renders the app into <main id="app">.
import { render } from 'preact';
import { App, readFilters } from './app';

render(<App initial={readFilters(location.search)} />, document.getElementById('app')!);
