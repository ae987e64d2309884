/*
 * Template naming: `<chart>-<version with dots as dashes>`, as the kcm-templates chart,
 * the catalog and KOF name their templates (`aws-standalone-cp-1-0-43`,
 * `cert-manager-v1-19-3`).
 */

export function templateName(chart: string, version: string): string {
  return `${chart}-${version.replace(/[.+]/g, '-')}`;
}

/** The chart version a version string stands for ("v1.19.3" stays as written). */
export function semverOf(version: string): string {
  return version.replace(/^v/, '');
}
