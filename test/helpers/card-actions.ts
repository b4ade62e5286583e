/** Every Action.Execute in an Adaptive Card (including those inside ShowCard), with its title. */
export function executeActions(card: unknown): Array<{ title: string; verb: string; data: Record<string, unknown> }> {
  const found: Array<{ title: string; verb: string; data: Record<string, unknown> }> = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.type === 'Action.Execute') {
        found.push({ title: String(record.title), verb: String(record.verb), data: (record.data ?? {}) as Record<string, unknown> });
      }
      Object.entries(record).forEach(([key, child]) => { if (key !== 'fallback') walk(child); });
    }
  };
  walk(card);
  return found;
}
