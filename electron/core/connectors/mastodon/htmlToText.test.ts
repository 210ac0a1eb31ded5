import { describe, expect, it } from 'vitest';
import { htmlToText } from './htmlToText';

describe('htmlToText', () => {
  it('keeps paragraphs and line breaks, drops every tag, decodes entities', () => {
    expect(htmlToText('<p>Bonjour&nbsp;!<br />Ligne 2</p><p>&lt;b&gt; &amp; &#39;x&#x27; &quot;y&quot; &eacute;</p>')).toBe("Bonjour\u00a0!\nLigne 2\n\n<b> & 'x' \"y\" &eacute;");
    expect(htmlToText('<script>alert(1)</script><img src=x onerror=alert(1)>texte')).toBe('alert(1)texte');
  });

  it('gives back the whole address of a link Mastodon shortened', () => {
    expect(htmlToText('<a href="https://example.com/very/long/path"><span class="invisible">https://</span><span class="ellipsis">example.com/very/</span><span class="invisible">long/path</span></a>')).toBe('https://example.com/very/long/path');
  });

  it('never makes a broken character of a reference that is not one', () => {
    expect(htmlToText('&#0; &#xD800; &#99999999;')).toBe('\ufffd \ufffd &#99999999;');
  });
});
