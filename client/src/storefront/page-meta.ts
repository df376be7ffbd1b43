import { useEffect } from 'react';
import { shopName } from './shop-texts';

/** How long a description may be before search results cut it off. */
const descriptionLength = 155;

/**
 * The page's title and meta description, for the tab, bookmarks, shared links and search results.
 * `title` is undefined while the page has nothing to name yet (the shop's name stands in).
 */
export function usePageMeta(title: string | undefined, description: string): void {
  useEffect(() => {
    document.title = title ? `${title} · ${shopName}` : shopName;
    descriptionTag().content = clip(description.replace(/\s+/g, ' ').trim());
  }, [title, description]);
}

function descriptionTag(): HTMLMetaElement {
  const existing = document.head.querySelector<HTMLMetaElement>('meta[name="description"]');
  if (existing) return existing;
  const created = document.createElement('meta');
  created.name = 'description';
  document.head.append(created);
  return created;
}

const clip = (text: string) =>
  text.length <= descriptionLength ? text : `${text.slice(0, descriptionLength - 1)}…`;
