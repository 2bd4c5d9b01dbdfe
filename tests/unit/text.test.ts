import { describe, expect, it } from 'vitest';
import { escapeHtml, italicsToHtml } from '../../src/lib/text';

describe('text helpers', () => {
  it('escapes markup', () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;');
  });
  it('turns starred words into emphasis, after escaping', () => {
    expect(italicsToHtml('Bolden (2011). *Int. J. <Mgmt>*, *13*(3).')).toBe('Bolden (2011). <em>Int. J. &lt;Mgmt&gt;</em>, <em>13</em>(3).');
  });
});

