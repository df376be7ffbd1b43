/**
 * What the demo shop sells: per leaf category, the words its product names are made of, the
 * brands that make it, its price range and its option groups. Korean first, as the shop is; some categories carry English names.
 */
export interface NameLine {
  prefixes: string[];
  nouns: string[];
}

export interface CategoryVocabulary {
  parent: { key: string; name: string; slug: string };
  key: string;
  name: string;
  slug: string;
  /**
   * What names are made of: a line's opening words (audience, style, material) suit each of its
   * nouns, so no name pairs words that never meet (원목 프라이팬).
   */
  lines: NameLine[];
  /** The brands that make this category; a demo product's brand is one of them. */
  brands: string[];
  /** Some products are named in English, as imported goods often are. */
  englishNames?: string[];
  price: [min: number, max: number];
  /** Option groups a product of this category may have; each product takes some values of each. */
  options: { name: string; values: string[]; pick: [min: number, max: number] }[];
  /** Extra charge per step of an ordered option (capacity, weight), in won. */
  stepSurcharge?: number;
  descriptions: string[];
}

const clothing = { key: 'clothing', name: '의류', slug: 'clothing' };
const shoes = { key: 'shoes', name: '신발', slug: 'shoes' };
const bags = { key: 'bags', name: '가방·잡화', slug: 'bags' };
const beauty = { key: 'beauty', name: '뷰티', slug: 'beauty' };
const digital = { key: 'digital', name: '디지털·가전', slug: 'digital' };
const food = { key: 'food', name: '식품', slug: 'food' };
const living = { key: 'living', name: '리빙', slug: 'living' };

const colors = ['블랙', '화이트', '네이비', '그레이', '베이지', '카키', '레드', '스카이블루'];
const apparelSizes = ['XS', 'S', 'M', 'L', 'XL', '2XL'];
const shoeSizes = ['230', '240', '250', '260', '270', '280', '290'];

export const parentCategories = [clothing, shoes, bags, beauty, digital, food, living];

export const vocabulary: CategoryVocabulary[] = [
  {
    parent: clothing,
    key: 'mens-tees',
    name: '남성 티셔츠',
    slug: 'mens-tees',
    lines: [
      {
        prefixes: ['남성', '남성 오버핏', '남성 슬림핏', '남성 코튼', '남성 무지'],
        nouns: ['반팔 티셔츠', '긴팔 티셔츠', '라운드 티셔츠', '헨리넥 티셔츠'],
      },
      {
        prefixes: ['남성', '남성 기능성', '남성 피케', '남성 슬림핏'],
        nouns: ['폴로 셔츠', '카라 티셔츠'],
      },
    ],
    brands: ['데일리웨어', '바른옷', 'Urban Basic', '모노스튜디오'],
    englishNames: ["Men's Cotton Crew T-Shirt", "Men's Heavyweight Tee", "Men's Pocket T-Shirt"],
    price: [9_900, 49_000],
    options: [
      { name: '색상', values: colors, pick: [1, 3] },
      { name: '사이즈', values: apparelSizes, pick: [2, 3] },
    ],
    descriptions: [
      '매일 입기 좋은 기본 아이템입니다.',
      '부드러운 면 소재로 편안한 착용감을 줍니다.',
    ],
  },
  {
    parent: clothing,
    key: 'womens-tops',
    name: '여성 상의',
    slug: 'womens-tops',
    lines: [
      {
        prefixes: ['여성', '여성 오버핏', '여성 크롭', '여성 루즈핏'],
        nouns: ['반팔 티셔츠', '맨투맨', '니트'],
      },
      { prefixes: ['여성', '여성 린넨', '여성 쉬폰'], nouns: ['블라우스', '긴팔 셔츠'] },
    ],
    brands: ['하루', 'Atelier Nine', '온도', '모노스튜디오'],
    englishNames: ["Women's Linen Shirt", "Women's Cropped Knit"],
    price: [15_900, 89_000],
    options: [
      { name: '색상', values: colors, pick: [1, 3] },
      { name: '사이즈', values: ['S', 'M', 'L'], pick: [2, 3] },
    ],
    descriptions: ['가볍고 산뜻한 데일리 상의입니다.', '어디에나 어울리는 깔끔한 디자인.'],
  },
  {
    parent: clothing,
    key: 'bottoms',
    name: '바지',
    slug: 'bottoms',
    lines: [
      {
        prefixes: ['와이드', '스트레이트', '슬림', '세미와이드', '부츠컷'],
        nouns: ['청바지', '슬랙스', '치노 팬츠'],
      },
      { prefixes: ['밴딩', '트레이닝', '와이드'], nouns: ['조거 팬츠', '반바지'] },
    ],
    brands: ['Seoul Denim', '바른옷', 'Urban Basic', '데일리웨어'],
    englishNames: ['Relaxed Denim Jeans', 'Easy Chino Pants'],
    price: [19_900, 99_000],
    options: [
      { name: '색상', values: ['블랙', '연청', '중청', '진청', '베이지', '그레이'], pick: [1, 2] },
      { name: '사이즈', values: ['28', '30', '32', '34', '36'], pick: [2, 3] },
    ],
    descriptions: ['편안한 허리와 깔끔한 실루엣.', '사계절 입기 좋은 팬츠입니다.'],
  },
  {
    parent: clothing,
    key: 'outerwear',
    name: '아우터',
    slug: 'outerwear',
    lines: [
      { prefixes: ['경량', '롱', '숏', '구스다운'], nouns: ['패딩 점퍼'] },
      { prefixes: ['방수', '경량', '후드'], nouns: ['바람막이'] },
      { prefixes: ['울 블렌드', '롱', '더블 브레스티드'], nouns: ['코트'] },
      { prefixes: ['니트', '울 블렌드', '오버핏'], nouns: ['가디건'] },
      { prefixes: ['오버핏', '기모', '코튼'], nouns: ['후드 집업'] },
    ],
    brands: ['North Field', 'Urban Basic', '한결', 'Atelier Nine'],
    englishNames: ['Lightweight Down Jacket', 'Packable Windbreaker'],
    price: [39_000, 299_000],
    options: [
      { name: '색상', values: colors, pick: [1, 2] },
      { name: '사이즈', values: ['S', 'M', 'L', 'XL'], pick: [2, 3] },
    ],
    descriptions: ['쌀쌀한 날씨에 든든한 아우터.', '가볍지만 따뜻합니다.'],
  },
  {
    parent: shoes,
    key: 'sneakers',
    name: '운동화',
    slug: 'sneakers',
    lines: [
      { prefixes: ['경량', '쿠셔닝', '트레일'], nouns: ['러닝화', '워킹화'] },
      { prefixes: ['캔버스', '가죽', '데일리'], nouns: ['스니커즈', '슬립온'] },
      { prefixes: ['올코트', '클레이코트'], nouns: ['테니스화'] },
    ],
    brands: ['Light Step', 'Kinetic', 'North Field', '새벽'],
    englishNames: ['Everyday Running Shoes', 'Classic Canvas Sneakers'],
    price: [39_000, 189_000],
    options: [
      { name: '색상', values: ['블랙', '화이트', '그레이', '네이비'], pick: [1, 2] },
      { name: '사이즈', values: shoeSizes, pick: [2, 3] },
    ],
    descriptions: ['오래 걸어도 편안한 쿠션.', '가벼운 무게로 발걸음이 가볍습니다.'],
  },
  {
    parent: shoes,
    key: 'sandals',
    name: '샌들·슬리퍼',
    slug: 'sandals',
    lines: [
      { prefixes: ['여름', '쿠션', '스트랩', '방수'], nouns: ['샌들'] },
      { prefixes: ['여름', '쿠션', '욕실용', 'EVA'], nouns: ['슬리퍼'] },
      { prefixes: ['여름', '비치'], nouns: ['쪼리'] },
      { prefixes: ['가죽', '스웨이드'], nouns: ['뮬'] },
    ],
    brands: ['Light Step', '바다마을', 'Cloud Nine'],
    price: [9_900, 79_000],
    options: [{ name: '사이즈', values: shoeSizes, pick: [3, 4] }],
    descriptions: ['여름철 필수 아이템.', '물에 젖어도 빨리 마릅니다.'],
  },
  {
    parent: bags,
    key: 'bags',
    name: '가방',
    slug: 'bag',
    lines: [
      {
        prefixes: ['캔버스', '가죽', '나일론', '미니', '빅사이즈'],
        nouns: ['백팩', '토트백', '크로스백'],
      },
      { prefixes: ['캔버스', '코튼', '빅사이즈'], nouns: ['에코백'] },
      { prefixes: ['가죽', '나일론'], nouns: ['메신저백'] },
    ],
    brands: ['Blue Harbor', 'Atelier Nine', '소소', 'Simple Form'],
    englishNames: ['Nylon Daypack', 'Canvas Tote Bag'],
    price: [19_900, 259_000],
    options: [{ name: '색상', values: colors.slice(0, 6), pick: [1, 3] }],
    descriptions: ['수납력이 좋은 데일리 가방.', '가볍고 튼튼한 소재.'],
  },
  {
    parent: bags,
    key: 'accessories',
    name: '모자·양말',
    slug: 'accessories',
    lines: [
      { prefixes: ['무지', '로고', '스포츠', '코튼'], nouns: ['볼캡', '버킷햇'] },
      { prefixes: ['니트', '울', '골지'], nouns: ['비니', '장갑'] },
      { prefixes: ['무지', '스포츠', '발목'], nouns: ['양말 5켤레 세트'] },
    ],
    brands: ['Urban Basic', '소소', 'Kinetic', '데일리웨어'],
    price: [5_900, 39_000],
    options: [{ name: '색상', values: colors.slice(0, 5), pick: [1, 3] }],
    descriptions: ['포인트가 되는 액세서리.'],
  },
  {
    parent: beauty,
    key: 'skincare',
    name: '스킨케어',
    slug: 'skincare',
    lines: [
      {
        prefixes: ['수분', '진정', '약산성', '비건', '저자극'],
        nouns: ['토너', '세럼', '수분 크림'],
      },
      { prefixes: ['무기자차', '톤업', '워터프루프', '저자극'], nouns: ['선크림'] },
      { prefixes: ['약산성', '저자극', '딥'], nouns: ['클렌징 폼'] },
    ],
    brands: ['Pure Leaf', '고운손', '숲속', 'Everyday Lab'],
    englishNames: ['Daily Sun Cream SPF50+', 'Hydrating Serum'],
    price: [8_900, 59_000],
    options: [{ name: '용량', values: ['50ml', '100ml', '200ml'], pick: [1, 2] }],
    stepSurcharge: 6_000,
    descriptions: ['민감한 피부도 안심하고 쓸 수 있어요.', '촉촉함이 오래 갑니다.'],
  },
  {
    parent: digital,
    key: 'audio',
    name: '음향기기',
    slug: 'audio',
    lines: [
      { prefixes: ['무선', '노이즈캔슬링', '블루투스', '오픈형'], nouns: ['이어폰', '헤드폰'] },
      { prefixes: ['블루투스', '방수', '휴대용'], nouns: ['스피커'] },
      { prefixes: ['블루투스', '스포츠'], nouns: ['넥밴드 이어폰'] },
      { prefixes: ['게이밍', '무선'], nouns: ['헤드셋'] },
    ],
    brands: ['Sound Craft', 'Wave Audio', 'Echo Lab'],
    englishNames: ['Wireless Noise Cancelling Earbuds', 'Portable Bluetooth Speaker'],
    price: [29_000, 459_000],
    options: [{ name: '색상', values: ['블랙', '화이트', '실버'], pick: [1, 2] }],
    descriptions: ['선명한 음질과 긴 배터리.', '출퇴근길의 든든한 동반자.'],
  },
  {
    parent: digital,
    key: 'computers',
    name: '노트북·태블릿',
    slug: 'computers',
    lines: [
      { prefixes: ['초경량', '고성능', '14인치', '16인치'], nouns: ['노트북'] },
      { prefixes: ['고성능', '17인치'], nouns: ['게이밍 노트북'] },
      { prefixes: ['초경량', '13인치'], nouns: ['울트라북'] },
      { prefixes: ['10인치', '11인치', '2in1'], nouns: ['태블릿'] },
    ],
    brands: ['Nova Systems', 'Pixel Works', '한빛컴퓨터'],
    englishNames: ['Ultralight Laptop 14', 'Creator Laptop 16'],
    price: [399_000, 1_990_000],
    options: [{ name: '저장 용량', values: ['256GB', '512GB', '1TB'], pick: [1, 3] }],
    stepSurcharge: 150_000,
    descriptions: ['가볍게 들고 다니는 업무용 노트북.', '영상 편집도 거뜬합니다.'],
  },
  {
    parent: digital,
    key: 'appliances',
    name: '생활가전',
    slug: 'appliances',
    lines: [
      { prefixes: ['저소음', '스마트', '미니'], nouns: ['공기청정기', '가습기', '선풍기'] },
      { prefixes: ['무선', '스테인리스', '미니'], nouns: ['전기포트'] },
      { prefixes: ['스마트', '물걸레'], nouns: ['로봇청소기'] },
      { prefixes: ['대용량', '에너지효율 1등급', '미니'], nouns: ['냉장고'] },
    ],
    brands: ['맑은바람', 'Home Volt', '가온'],
    price: [19_900, 1_290_000],
    options: [{ name: '색상', values: ['화이트', '그레이', '베이지'], pick: [1, 2] }],
    descriptions: ['집안을 쾌적하게.', '조용하고 전기료 걱정 없는 가전.'],
  },
  {
    parent: food,
    key: 'fruit',
    name: '과일·채소',
    slug: 'fruit',
    lines: [
      {
        prefixes: ['유기농', '산지직송', '제철', 'GAP 인증', '못난이'],
        nouns: ['햇사과', '배', '감귤', '방울토마토', '고구마'],
      },
      { prefixes: ['산지직송', 'GAP 인증', '프리미엄'], nouns: ['샤인머스캣'] },
    ],
    brands: ['Green Table', '아침햇살', '누리'],
    price: [9_900, 59_000],
    options: [{ name: '중량', values: ['1kg', '2kg', '3kg', '5kg'], pick: [1, 3] }],
    stepSurcharge: 7_000,
    descriptions: ['산지에서 바로 보내드립니다.', '당도 선별 상품입니다.'],
  },
  {
    parent: food,
    key: 'snacks',
    name: '간식·음료',
    slug: 'snacks',
    lines: [
      {
        prefixes: ['저당', '고단백', '무첨가', '대용량'],
        nouns: ['견과류 믹스', '그래놀라', '단백질 바'],
      },
      { prefixes: ['디카페인', '대용량', '무가당'], nouns: ['콜드브루 커피'] },
      { prefixes: ['무첨가', '볶은', '대용량'], nouns: ['보리차'] },
    ],
    brands: ['Morning Brew', '든든', '오늘의집밥', 'Red Pepper'],
    englishNames: ['Protein Bar Variety Pack', 'Cold Brew Coffee'],
    price: [3_900, 39_000],
    options: [{ name: '수량', values: ['1개', '6개', '12개', '24개'], pick: [1, 3] }],
    stepSurcharge: 5_000,
    descriptions: ['출출할 때 가볍게.', '온 가족이 즐기는 간식.'],
  },
  {
    parent: living,
    key: 'kitchen',
    name: '주방용품',
    slug: 'kitchen',
    lines: [
      { prefixes: ['스테인리스', '논스틱', '통주물', '인덕션'], nouns: ['프라이팬', '냄비'] },
      { prefixes: ['세라믹', '도자기', '내열유리'], nouns: ['머그컵'] },
      { prefixes: ['원목', '항균', '편백'], nouns: ['도마'] },
      { prefixes: ['내열유리', '스테인리스', '실리콘'], nouns: ['밀폐용기 세트'] },
    ],
    brands: ['Stone & Oak', 'Hanok Living', '오늘의집밥', 'Simple Form'],
    price: [5_900, 129_000],
    options: [{ name: '사이즈', values: ['소', '중', '대'], pick: [1, 3] }],
    stepSurcharge: 4_000,
    descriptions: ['오래 써도 변함없는 품질.', '설거지가 쉬워요.'],
  },
  {
    parent: living,
    key: 'bedding',
    name: '침구·인테리어',
    slug: 'bedding',
    lines: [
      { prefixes: ['호텔식', '순면', '냉감', '극세사'], nouns: ['이불 세트', '베개'] },
      { prefixes: ['모던', '북유럽', '극세사'], nouns: ['러그'] },
      { prefixes: ['암막', '린넨', '모던'], nouns: ['커튼'] },
      { prefixes: ['모던', '원목', 'LED'], nouns: ['무드등'] },
    ],
    brands: ['Hanok Living', 'Cloud Nine', '별빛', '라온'],
    price: [12_900, 199_000],
    options: [
      { name: '색상', values: ['화이트', '그레이', '베이지', '네이비'], pick: [1, 2] },
      { name: '사이즈', values: ['싱글', '퀸', '킹'], pick: [1, 3] },
    ],
    descriptions: ['포근한 잠자리를 위해.', '공간의 분위기를 바꿔 줍니다.'],
  },
];

/** Every brand of the demo shop, each once, in the order the categories first name them. */
export const brandNames = [...new Set(vocabulary.flatMap((category) => category.brands))];
