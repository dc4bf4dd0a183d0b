import { Icon } from './icon';
import type { Store } from './state';
import { Step } from './step';
import { Thanks } from './thanks';

/**
 * The card: a region labelled "Feedback" in the survey's language. A popover has a close button,
 * Escape dismisses it, and a live region announces its arrival; an inline survey sits in the page's
 * content and stays.
 */
export function Frame({ s, popover, theme }: { s: Store; popover: boolean; theme: string }) {
  return (
    <div
      class={`card ${theme} ${popover ? 'popover' : 'inline'}`}
      role="region"
      aria-label={s._strings.value.label}
      lang={s._locale.value}
      onKeyDown={popover ? (e) => e.key == 'Escape' && s._dismiss() : undefined}
    >
      {popover && (
        <>
          <p role="status" class="hidden">
            {s._arrival.value}
          </p>
          <button class="close" aria-label={s._strings.value.close} onClick={s._dismiss}>
            <Icon d="M6 6l12 12M18 6 6 18" />
          </button>
        </>
      )}
      {s._done.value ? <Thanks s={s} /> : <Step s={s} />}
    </div>
  );
}
