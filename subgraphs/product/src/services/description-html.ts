import MarkdownIt from 'markdown-it';

// Raw HTML off: markdown-it escapes every tag the admin types, so `<script>` reaches the page as
// text, and its link validator drops javascript:, vbscript:, file: and data: URLs. No sanitiser
// is needed after it (https://markdown-it.github.io/markdown-it/documents/Safety.html).
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });

/** A product description (Markdown) as HTML that is safe to put in the page as it is. */
export function descriptionHtml(description: string): string {
  return markdown.render(description);
}
