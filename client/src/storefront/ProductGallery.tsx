import { useRef, useState, type KeyboardEvent } from 'react';
import { thumbnailSize } from './ProductCard';
import { useShopText } from './shop-texts';

const thumbSize = 64;

/**
 * A product's pictures: one at a time in a track a phone swipes (CSS scroll-snap), with
 * thumbnails to pick one. The track is focusable and moves by the arrow keys, Home and End; the
 * shown picture follows the track's scroll, however it got there.
 */
export function ProductGallery({ name, images }: { name: string; images: readonly string[] }) {
  const text = useShopText();
  const track = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(0);
  if (images.length === 0)
    return (
      <div className="product-gallery">
        <span className="no-image" />
      </div>
    );
  const show = (index: number) => {
    const element = track.current;
    const next = Math.min(images.length - 1, Math.max(0, index));
    // `scroll-behavior` in the stylesheet decides whether it glides (not for reduced motion).
    element?.scrollTo({ left: next * element.clientWidth });
    setShown(next);
  };
  const followScroll = () => {
    const element = track.current;
    if (element?.clientWidth) setShown(Math.round(element.scrollLeft / element.clientWidth));
  };
  const moves: Record<string, number> = {
    ArrowLeft: shown - 1,
    ArrowRight: shown + 1,
    Home: 0,
    End: images.length - 1,
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    show(target);
  };
  return (
    <div className="product-gallery">
      <div
        ref={track}
        className="gallery-track"
        role="region"
        aria-label={text('gallery.label', { name })}
        tabIndex={images.length > 1 ? 0 : undefined}
        onScroll={followScroll}
        onKeyDown={onKeyDown}
      >
        {images.map((image, index) => (
          <img
            key={image}
            src={image}
            width={thumbnailSize}
            height={thumbnailSize}
            // The first picture is the page's largest element: it loads first; the others wait
            // until the gallery scrolls to them.
            loading={index === 0 ? 'eager' : 'lazy'}
            fetchPriority={index === 0 ? 'high' : undefined}
            decoding={index === 0 ? undefined : 'async'}
            alt={index === 0 ? name : `${name} (${index + 1}/${images.length})`}
          />
        ))}
      </div>
      {images.length > 1 ? (
        <div className="gallery-thumbs" role="group" aria-label={text('gallery.pick')}>
          {images.map((image, index) => (
            <button
              key={image}
              type="button"
              aria-label={text('gallery.show', { index: index + 1, count: images.length })}
              aria-current={index === shown ? 'true' : undefined}
              onClick={() => show(index)}
            >
              <img src={image} width={thumbSize} height={thumbSize} loading="lazy" alt="" />
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
