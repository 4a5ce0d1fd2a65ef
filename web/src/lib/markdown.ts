import { marked } from 'marked'
import DOMPurify from 'dompurify'

/** Markdown collected from nodes, as HTML that cannot run scripts or load anything active. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true })
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input'] })
}
