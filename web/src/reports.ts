/**
 * Links to the review report (审核意见) of a document or a batch, as the server offers them
 * (src/report, helper of issue 13 item 4). Empty while the server has no report route.
 */
export function reportLinksFor(_what: { document?: number; documents?: number[] }): { href: string; label: string }[] {
  return [];
}
