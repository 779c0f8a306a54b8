/** Plan text is data: escape everything Markdown would interpret (HTML is never enabled either). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~$]/g, (ch) => `\\${ch}`);
}
