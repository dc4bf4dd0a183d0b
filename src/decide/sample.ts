/**
 * The visitor's draw for a survey's `sample`, in [0, 1): a hash of visitor id and survey id, so it
 * is the same on every page and reload (no re-roll per moment), yet independent between surveys.
 */
export function draw(visitor: string, surveyId: string): number {
  const key = visitor + '\n' + surveyId;
  let h = 2166136261; // FNV-1a…
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  // …then murmur3's finaliser: FNV alone leaves ids differing in the last character correlated.
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}
