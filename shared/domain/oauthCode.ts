/**
 * The authorization code in what a person pasted: the code itself, or the whole address their
 * browser ended on when it could not come back to this computer
 * (`http://127.0.0.1:…/callback?code=…&state=…`), which is what they can most easily copy.
 */
export function codeFromPasted(pasted: string): string {
  const text = pasted.trim();
  if (!/^https?:\/\//iu.test(text) && !text.includes('code=')) return text;
  const query = text.includes('?') ? text.slice(text.indexOf('?') + 1) : text;
  return new URLSearchParams(query.split('#')[0]).get('code') ?? text;
}
