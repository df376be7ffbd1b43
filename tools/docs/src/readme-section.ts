/** The markers around README's generated architecture diagram. */
export const sectionStart = '<!-- generated:architecture -->';
export const sectionEnd = '<!-- /generated -->';

/** `readme` with what lies between the markers replaced by `content`. */
export function withGeneratedSection(readme: string, content: string): string {
  const start = readme.indexOf(sectionStart);
  const end = readme.indexOf(sectionEnd, start);
  if (start < 0 || end < 0)
    throw new Error(`README.md lacks the markers ${sectionStart} … ${sectionEnd}`);
  return `${readme.slice(0, start + sectionStart.length)}\n\n${content}\n\n${readme.slice(end)}`;
}
