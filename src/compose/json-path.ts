/** '$.income[3].fiscal', '$.reasons["completion.2101501"]': where a problem stands in the input. */
export function jsonPath(parts: readonly PropertyKey[]): string {
  return '$' + parts.map((p) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(String(p)) ? `.${String(p)}` : `[${JSON.stringify(String(p))}]`)).join('');
}
