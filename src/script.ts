import { optionsFromScript } from './config/dataset';
import type * as Extra from './extra';
import type { startSources } from './journey/start';
import { withLanguage } from './i18n/languages';
import { registered } from './i18n/registry';
import { loadScript, once } from './platform/script';
import type { SurveyPart } from './survey';
import type { UiModule } from './ui/contract';
import { VERSION } from './version';
import { createWidget } from './widget';

/** The page's `window.ressenti`: the queue stub before load, the command function after. */
type Command = ((command: string, ...args: unknown[]) => unknown) & { q?: ArrayLike<unknown>[]; loaded?: boolean };
type Win = Window & { ressenti?: Command; __ressentiUI?: UiModule & { version?: string }; __ressentiExtra?: typeof Extra; __ressentiSources?: { startSources: typeof startSources }; __ressentiSurvey?: SurveyPart & { version?: string } };

const win = window as Win;
const doc = document;
const tag = (doc.currentScript || doc.querySelector('script[src*="ressenti"][data-endpoint]')) as HTMLScriptElement | null;

// A second copy of the script on the page changes nothing.
if (!win.ressenti?.loaded) start();

function start() {
  const queued = win.ressenti?.q || [];
  const options = tag ? optionsFromScript(tag) : {};
  // The UI and the language files live next to this script; each is fetched only when a survey is about to show.
  const url = (name: string) => new URL(`ressenti-${name}.min.js`, tag?.src || doc.baseURI).href;
  // A UI or survey file of another version (a stale cache, a copy already in the global) is refused, every time.
  const current = <T>(part?: T & { version?: string }) => (part?.version == VERSION ? part : undefined);
  const read = () => current(win.__ressentiUI);
  const loadUI = withLanguage(
    once(() => Promise.resolve(read() || loadScript(win, url('ui'), 'the UI', read, tag?.nonce))),
    (code) => loadScript(win, url(code), `the ${code} strings`, () => registered()[code], tag?.nonce),
    (message) => widget._report({ source: 'ui', message }),
  );

  const widget = createWidget(options, {
    win,
    loadUI,
    // Each file once per page, however many ask for it (every debug line asks for the extra file).
    loadExtra: once(() => loadScript(win, url('extra'), 'the extra file', () => win.__ressentiExtra, tag?.nonce)),
    loadSources: once(() => loadScript(win, url('sources'), 'the moment sources', () => win.__ressentiSources, tag?.nonce)),
    loadSurvey: once(() => loadScript(win, url('survey'), 'the survey file', () => current(win.__ressentiSurvey), tag?.nonce)),
  });
  const commands = widget as unknown as { [name: string]: (...args: unknown[]) => unknown };
  const ressenti: Command = (command, ...args) => {
    const report = (message: string) => widget._report({ source: 'command', message });
    if (typeof commands[command] != 'function') return report('unknown command ' + JSON.stringify(command));
    let result;
    try {
      result = commands[command](...args);
    } catch (err) {
      report(`${command} failed: ${err}`);
    }
    if (command === 'destroy') {
      delete win.__ressentiUI;
      // Back to a queue stub: calls wait for the script to be loaded again.
      const stub: Command = (...args) => void (stub.q ||= []).push(args);
      win.ressenti = stub;
    }
    return result;
  };
  ressenti.loaded = true;
  win.ressenti = ressenti;
  for (const args of queued) ressenti(...(Array.from(args) as [string, ...unknown[]]));
}
