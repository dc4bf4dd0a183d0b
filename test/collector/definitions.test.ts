import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { definitionsFrom } from '../../collector/definitions';

describe('survey definitions read from a file', () => {
  it('requests that arrive together right after start all get them, not an empty list', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ressenti-defs-')), 'surveys.json');
    writeFileSync(file, JSON.stringify({ surveys: [{ id: 'nps', questions: [{ id: 'score', type: 'nps', text: 'Recommend us?' }] }] }));
    const definitions = definitionsFrom(file);
    const [first, second] = await Promise.all([definitions(), definitions()]);
    expect([...first.keys()]).toEqual(['nps']);
    expect(second).toBe(first);
  });
});
