/** A random RFC 4122 version 4 id from `getRandomValues` (`crypto.randomUUID` is missing outside secure contexts). */
export const uuid = (): string =>
  // Each 0 and 1 becomes a random hex digit and the 8 one of 8–b (the variant); the 4 is the version.
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
    (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (+c / 4)))).toString(16),
  );
