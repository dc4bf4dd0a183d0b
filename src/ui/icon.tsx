/** A 24×24 line icon, hidden from assistive technology (its button carries the name). */
export const Icon = ({ d }: { d: string }) => (
  <svg viewBox="0 0 24 24" aria-hidden="true">
    <path d={d} />
  </svg>
);
