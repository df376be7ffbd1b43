import type { AdminTaxonomyQuery } from '../graphql/generated';

interface CategoryNode {
  id: string;
  name: string;
  children?: CategoryNode[];
}

/** The category tree as options, each named by its path (의류 › 상의 › 셔츠). */
export function CategoryOptions({ categories }: { categories: AdminTaxonomyQuery['categories'] }) {
  const paths: { id: string; path: string }[] = [];
  const walk = (nodes: CategoryNode[], parent: string) => {
    for (const node of nodes) {
      const path = parent ? `${parent} › ${node.name}` : node.name;
      paths.push({ id: node.id, path });
      walk(node.children ?? [], path);
    }
  };
  walk(categories, '');
  return (
    <>
      {paths.map((category) => (
        <option key={category.id} value={category.id}>
          {category.path}
        </option>
      ))}
    </>
  );
}
