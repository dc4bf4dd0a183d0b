import { expect, it } from 'vitest';
import pkg from '../../package.json';
import { VERSION } from '../../src/version';

it("the version a UI file is checked against is the package's", () => {
  expect(VERSION).toBe(pkg.version);
});
