import type { SearchExcerpt as Excerpt } from '../../../shared/domain/entities';

/** Why a result matched: the excerpt's words found in `<mark>`, every piece rendered as text, never as markup. */
export function SearchExcerpt({ excerpt }: { excerpt: Excerpt }) {
  return (
    <div className="row-snippet search-excerpt" title={excerptText(excerpt)} data-truncate>
      {excerpt.segments.map((segment, index) => (segment.isMatch ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>))}
    </div>
  );
}

/** The excerpt as one line of plain text, for a row's accessible name. */
export const excerptText = (excerpt: Excerpt): string => excerpt.segments.map((segment) => segment.text).join('');
