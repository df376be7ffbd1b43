import { Link } from 'react-router';

/** The shop's categories as a row of links to their pages. */
export function CategoryChips({ categories }: { categories: { id: string; name: string }[] }) {
  return (
    <ul className="chips">
      {categories.map((category) => (
        <li key={category.id}>
          <Link className="chip" to={`/search?category=${category.id}`}>
            {category.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
