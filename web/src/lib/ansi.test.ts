import { describe, expect, it } from 'vitest'
import { ansiToHtml, initialAnsiState, stripAnsi } from './ansi'

describe('ansiToHtml', () => {
  it('escapes HTML before adding colour spans', () => {
    const { html } = ansiToHtml('<script>alert("x")</script> & \u001b[31mred\u001b[0m')
    expect(html).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <span class="ansi-fg-red">red</span>')
  })

  it('renders ansible bold red and resets', () => {
    const { html } = ansiToHtml('\u001b[1;31mfatal\u001b[0m ok')
    expect(html).toBe('<span class="ansi-fg-red ansi-bold">fatal</span> ok')
  })

  it('carries colour state across chunks', () => {
    const first = ansiToHtml('\u001b[32mgreen start')
    const second = ansiToHtml(' still green\u001b[0m plain', first.state)
    expect(second.html).toBe('<span class="ansi-fg-green"> still green</span> plain')
  })

  it('drops cursor codes and stray escapes, keeps bright colours and backgrounds', () => {
    expect(ansiToHtml('\u001b[2Ka\u001b[93;44mb\u001b').html).toBe('a<span class="ansi-fg-bright-yellow ansi-bg-blue">b</span>')
  })

  it('treats an empty parameter list as reset', () => {
    expect(ansiToHtml('\u001b[31mr\u001b[mx', initialAnsiState()).html).toBe('<span class="ansi-fg-red">r</span>x')
  })

  it('strips codes for plain text', () => {
    expect(stripAnsi('\u001b[0;31m127.0.0.2\u001b[0m : ok')).toBe('127.0.0.2 : ok')
  })
})
