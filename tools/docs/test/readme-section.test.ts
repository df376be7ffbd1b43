import { describe, expect, it } from 'vitest';
import { withGeneratedSection } from '../src/readme-section.js';

describe("README's generated section", () => {
  it('replaces only what lies between the markers', () => {
    const readme = '# Shop\n\n<!-- generated:architecture -->\nold\n<!-- /generated -->\n\nmore\n';
    expect(withGeneratedSection(readme, 'new')).toBe(
      '# Shop\n\n<!-- generated:architecture -->\n\nnew\n\n<!-- /generated -->\n\nmore\n',
    );
  });

  it('refuses a README without the markers', () => {
    expect(() => withGeneratedSection('# Shop\n', 'new')).toThrow('README.md lacks the markers');
  });
});
