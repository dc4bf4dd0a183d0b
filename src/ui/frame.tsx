import { Icon } from './icon';
import type { Store } from './state';
import { Step } from './step';
import { Thanks } from './thanks';

/**
 * The card: a region labelled "Feedback" in the survey's language. A popover has a close button and
 * Escape dismisses it; an inline survey sits in the page's content and stays.
 */
export function Frame({ s, popover, theme }: { s: Store; popover: boolean; theme: string }) {
  return (
    <div
      class={`w ${theme} ${popover ? 'pop' : 'inl'}`}
      role="region"
      aria-label={s.t.value.label}
      lang={s.locale.value}
      onKeyDown={popover ? (e) => e.key == 'Escape' && s.dismiss() : undefined}
    >
      {popover && (
        <button class="x" aria-label={s.t.value.close} onClick={s.dismiss}>
          <Icon d="M6 6l12 12M18 6 6 18" />
        </button>
      )}
      {s.done.value ? <Thanks s={s} /> : <Step s={s} />}
    </div>
  );
}
