import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { AdminProductDocument } from '../../graphql/generated';
import { QueryView } from '../../shared/ui';
import { ProductDetailsForm } from '../products/ProductDetailsForm';
import { ProductImagesEditor } from '../products/ProductImagesEditor';
import { useProductText } from '../products/product-texts';
import { SkuTable } from '../products/SkuTable';
import { ReadOnlyNote } from '../ReadOnlyNote';
import { useMayDo } from '../staff-duty';

/** One product: its details, pictures, and each variant's price, sale and stock with history. */
export function ProductEditPage() {
  const text = useProductText();
  const mayEdit = useMayDo()('catalog');
  const { id } = useParams();
  const result = useQuery(AdminProductDocument, { variables: { id: id! } });
  return (
    <>
      <p>
        <Link to="/products">← {text('edit.back')}</Link>
      </p>
      <QueryView result={result}>
        {({ product }) =>
          product ? (
            <>
              <h1>{text('edit.title', { name: product.name })}</h1>
              <ReadOnlyNote duty="catalog" />
              {mayEdit ? (
                <>
                  {/* Keyed by product: the form starts from what was saved, not from another product. */}
                  <ProductDetailsForm key={product.id} product={product} />
                  <ProductImagesEditor
                    productId={product.id}
                    name={product.name}
                    images={product.images}
                  />
                </>
              ) : null}
              <SkuTable skus={product.skus} editable={mayEdit} />
            </>
          ) : (
            <p>{text('edit.notFound')}</p>
          )
        }
      </QueryView>
    </>
  );
}
