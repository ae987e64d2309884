/*
 * Loads the YAML fixtures in ./fixtures (several objects per file, `---` separated).
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { KubeObject } from './expectValidAgainstUpstream';

/** The objects of `src/fixtures/<file>`. */
export function loadFixture(file: string): KubeObject[] {
  // This package only runs as tests from its source, never bundled, so __dirname is src/.
  // eslint-disable-next-line no-restricted-syntax
  const text = fs.readFileSync(path.join(__dirname, 'fixtures', file), 'utf8');
  return YAML.parseAllDocuments(text)
    .map(doc => doc.toJS() as KubeObject | null)
    .filter((o): o is KubeObject => !!o);
}
