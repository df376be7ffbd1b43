import { useState, type ChangeEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { StartImageUploadDocument, UpdateProductDocument } from '../../graphql/generated';
import { ErrorNotice, ResultError } from '../../shared/ui';
import { useProductText } from './product-texts';
import { uploadImage, type UploadAnswer } from './upload-image';

const accepted = 'image/jpeg,image/png,image/webp';

/** A product's pictures as thumbnails: upload more, move one earlier or later, delete one. */
export function ProductImagesEditor(props: { productId: string; name: string; images: string[] }) {
  const text = useProductText();
  const client = useApolloClient();
  const [uploading, setUploading] = useState(false);
  const [refusal, setRefusal] = useState<Extract<UploadAnswer, { errorCode: unknown }>>();
  const [failure, setFailure] = useState<Error>();
  const [startUpload] = useMutation(StartImageUploadDocument);
  const [update, updated] = useMutation(UpdateProductDocument, {
    refetchQueries: ['AdminProduct'],
  });
  const result = updated.data?.updateProduct;

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    setRefusal(undefined);
    setFailure(undefined);
    setUploading(true);
    try {
      for (const file of Array.from(input.files ?? [])) {
        const slot = (await startUpload({ variables: { productId: props.productId } })).data
          ?.startImageUpload;
        if (slot?.__typename !== 'ImageUpload') throw new Error(slot?.message ?? 'no upload slot');
        const answer = await uploadImage(slot.uploadUrl, file);
        if ('errorCode' in answer) {
          setRefusal(answer);
          break;
        }
      }
    } catch (error) {
      setFailure(error as Error);
    } finally {
      input.value = '';
      setUploading(false);
      await client.refetchQueries({ include: ['AdminProduct'] });
    }
  };
  const save = (images: string[]) =>
    void update({ variables: { id: props.productId, input: { images } } }).catch(() => undefined);
  const move = (from: number, to: number) => {
    const images = [...props.images];
    const [moved] = images.splice(from, 1);
    images.splice(to, 0, moved!);
    save(images);
  };

  return (
    <section aria-labelledby="images-title">
      <h2 id="images-title">{text('images.title')}</h2>
      {props.images.length === 0 ? <p className="muted">{text('images.none')}</p> : null}
      <ol className="image-editor">
        {props.images.map((image, index) => {
          const position = index + 1;
          return (
            <li key={image}>
              <img
                src={image}
                width={96}
                height={96}
                alt={text('images.alt', { name: props.name, index: position })}
              />
              <span className="row">
                <button
                  type="button"
                  disabled={index === 0 || updated.loading}
                  aria-label={text('images.earlier', { index: position })}
                  onClick={() => move(index, index - 1)}
                >
                  ←
                </button>
                <button
                  type="button"
                  disabled={index === props.images.length - 1 || updated.loading}
                  aria-label={text('images.later', { index: position })}
                  onClick={() => move(index, index + 1)}
                >
                  →
                </button>
                <button
                  type="button"
                  disabled={updated.loading}
                  aria-label={text('images.remove', { index: position })}
                  onClick={() => save(props.images.filter((_, other) => other !== index))}
                >
                  ✕
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <label htmlFor="image-upload">{text('images.upload')}</label>
      <input
        id="image-upload"
        type="file"
        accept={accepted}
        multiple
        disabled={uploading}
        onChange={(event) => void upload(event)}
      />
      {uploading ? <p role="status">{text('images.uploading')}</p> : null}
      {refusal ? <ResultError result={refusal} /> : null}
      {failure ? <ErrorNotice error={failure} /> : null}
      {updated.error ? <ErrorNotice error={updated.error} /> : null}
      {result && result.__typename !== 'Product' ? <ResultError result={result} /> : null}
    </section>
  );
}
