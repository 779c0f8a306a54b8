/**
 * docs/rules.md read as data: each rule code's section. Pure (no file access): the CLI reads the
 * file (or its bundled copy) and the agent tools (agentTools.ts) take the sections it gives.
 */

/**
 * Each code's section: the lines after `<a id="code"></a>` + `### \`code\`` up to the next anchor
 * or heading outside a code block (a `###` subsection such as the problem corpus is not part of
 * the code's section; a `# comment` in a YAML example is not a heading).
 */
export function docSections(doc: string): Map<string, string> {
  const lines = doc.replace(/\r\n?/g, '\n').split('\n');
  const sections = new Map<string, string>();
  for (let i = 0; i < lines.length; i++) {
    const anchor = /^<a id="([^"]+)"><\/a>\s*$/.exec(lines[i] ?? '');
    const code = anchor?.[1];
    if (!code || lines[i + 1] !== `### \`${code}\``) continue;
    let end = i + 2;
    let fenced = false;
    for (; end < lines.length; end++) {
      const line = lines[end] ?? '';
      if (/^\s*```/.test(line)) fenced = !fenced;
      else if (!fenced && /^(<a id="|#{1,3} )/.test(line)) break;
    }
    sections.set(code, lines.slice(i + 2, end).join('\n').trim());
    i = end - 1;
  }
  return sections;
}
