import { useI18n, type Locale } from '../shared/i18n';

/** The shop's name, as the header and every page's title show it. */
export const shopName = 'Shop';

/**
 * The storefront's own words (page descriptions, its menu, the filter drawer, the buy bar), in
 * Korean and English; the words both apps share are in shared/messages.ts.
 */
const ko = {
  'skip.toMain': '본문으로 건너뛰기',
  'menu.open': '메뉴',
  'menu.label': '쇼핑 메뉴',
  'menu.categories': '카테고리',
  'menu.all': '전체 상품',
  'breadcrumbs.label': '현재 위치',
  'breadcrumbs.home': '홈',
  'filters.open': '필터',
  'filters.active': '적용 {count}',
  'filters.title': '필터',
  'filters.close': '필터 닫기',
  'filters.show': '상품 {count}개 보기',
  'filters.clear': '필터 모두 해제',
  'filters.apply': '적용',
  'results.count': '상품 {count}개',
  'noResults.hint': '검색어를 줄이거나 다른 말로 찾아보세요. 필터를 해제해도 좋아요.',
  'noResults.categories': '카테고리에서 찾아보기',
  'noResults.popular': '지금 많이 찾는 상품',
  'buy.decrease': '하나 빼기',
  'buy.increase': '하나 더하기',
  'gallery.label': '{name} 사진',
  'gallery.pick': '사진 고르기',
  'gallery.show': '사진 {index}/{count} 보기',
  'meta.home': '오늘의 추천 상품과 카테고리별 인기 상품을 만나 보세요.',
  'meta.search': '“{text}” 검색 결과 상품 {count}개를 가격, 브랜드, 사이즈로 골라 보세요.',
  'meta.all': '전체 상품 {count}개를 가격, 브랜드, 사이즈로 골라 보세요.',
  'meta.category': '{category} 상품 {count}개를 가격, 브랜드, 사이즈로 골라 보세요.',
  'meta.product': '{name} — {price}. {description}',
  'meta.productMissing': '찾는 상품이 없습니다.',
  'meta.cart': '장바구니에 담은 상품과 금액을 확인하고 주문하세요.',
  'meta.checkout': '배송지, 쿠폰과 포인트를 고르고 결제할 금액을 확인합니다.',
  'meta.orders': '주문한 상품과 결제 금액, 배송 상태를 확인합니다.',
  'meta.order': '주문 상세: 결제 금액, 배송 조회, 반품·교환 신청.',
  'meta.account': '포인트, 쿠폰과 배송지를 관리합니다.',
  'meta.login': '이메일로 로그인하고 주문과 할인 금액을 확인하세요.',
  'meta.signUp': '회원가입하고 쿠폰과 포인트로 할인받으세요.',
  'meta.payment': '결제 결과와 주문 내역입니다.',
  'meta.notFound': '주소가 바뀌었거나 없는 페이지입니다.',
} as const;

type TextKey = keyof typeof ko;

const en: Record<TextKey, string> = {
  'skip.toMain': 'Skip to main content',
  'menu.open': 'Menu',
  'menu.label': 'Shop menu',
  'menu.categories': 'Categories',
  'menu.all': 'All products',
  'breadcrumbs.label': 'Breadcrumb',
  'breadcrumbs.home': 'Home',
  'filters.open': 'Filters',
  'filters.active': '{count} on',
  'filters.title': 'Filters',
  'filters.close': 'Close filters',
  'filters.show': 'Show {count} products',
  'filters.clear': 'Clear all filters',
  'filters.apply': 'Apply',
  'results.count': '{count} products',
  'noResults.hint': 'Try fewer or different words, or clear the filters.',
  'noResults.categories': 'Browse a category',
  'noResults.popular': 'Popular right now',
  'buy.decrease': 'One less',
  'buy.increase': 'One more',
  'gallery.label': 'Pictures of {name}',
  'gallery.pick': 'Choose a picture',
  'gallery.show': 'Show picture {index} of {count}',
  'meta.home': "Today's picks and the most popular products in every category.",
  'meta.search': '{count} products for “{text}”: narrow them by price, brand and size.',
  'meta.all': 'All {count} products: narrow them by price, brand and size.',
  'meta.category': '{count} products in {category}: narrow them by price, brand and size.',
  'meta.product': '{name} — {price}. {description}',
  'meta.productMissing': 'This product is not on the shop.',
  'meta.cart': 'The products in your cart and what they cost.',
  'meta.checkout': 'Choose the address, coupon and points, and see the amount to pay.',
  'meta.orders': 'Your orders, what you paid and where they are.',
  'meta.order': 'Order details: the amount paid, delivery tracking, returns and exchanges.',
  'meta.account': 'Your points, coupons and addresses.',
  'meta.login': 'Log in with your email to order and see your discounted prices.',
  'meta.signUp': 'Sign up for coupons and points.',
  'meta.payment': 'The result of your payment and your order.',
  'meta.notFound': 'The address has changed or the page does not exist.',
};

const texts: Record<Locale, Record<TextKey, string>> = { ko, en };

/** The storefront's text in the shopper's language, with `{name}` placeholders filled in. */
export function useShopText(): (key: TextKey, params?: Record<string, string | number>) => string {
  const { locale } = useI18n();
  return (key, params = {}) =>
    texts[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
