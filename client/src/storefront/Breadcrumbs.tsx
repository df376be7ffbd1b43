import { Link } from 'react-router';
import { useShopText } from './shop-texts';

/** Where the page sits in the shop, from home; the last step is the page itself. */
export function Breadcrumbs({ trail }: { trail: { label: string; to?: string }[] }) {
  const text = useShopText();
  return (
    <nav aria-label={text('breadcrumbs.label')} className="breadcrumbs">
      <ol>
        <li>
          <Link to="/">{text('breadcrumbs.home')}</Link>
        </li>
        {trail.map((step, index) => (
          <li key={`${index}-${step.label}`}>
            {step.to ? (
              <Link to={step.to}>{step.label}</Link>
            ) : (
              <span aria-current="page">{step.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
