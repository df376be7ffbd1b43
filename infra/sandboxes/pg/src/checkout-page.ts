import type { Refusal } from './pg-error.js';
import { cardBehaviours, testCards, type TestCard } from './test-cards.js';

/** What the shop sends the customer to the checkout page with; the form posts it back. */
export interface CheckoutParams {
  clientKey: string;
  orderId: string;
  orderName: string;
  amount: number;
  customerName?: string;
  successUrl: string;
  failUrl: string;
}

const escapeHtml = (text: string) => text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);

const won = (amount: number) => `${amount.toLocaleString('ko-KR')}원`;

const formattedNumber = (number: string) => number.replace(/(\d{4})(?=\d)/g, '$1-');

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · PG 샌드박스</title>
<style>
body{font-family:system-ui,sans-serif;max-width:420px;margin:0 auto;padding:1.5rem 1rem;color:#191f28}
h1{font-size:1.4rem}.amount{font-size:1.6rem;font-weight:700}.muted{color:#6b7684}
fieldset{border:1px solid #e5e8eb;border-radius:12px;padding:.5rem 1rem;margin:1rem 0}
label{display:block;padding:.6rem 0;font-size:1rem}label small{display:block;color:#6b7684;margin-left:1.6rem}
button{width:100%;padding:.9rem;font-size:1.1rem;border:0;border-radius:10px;margin-top:.5rem}
.pay{background:#3182f6;color:#fff}.cancel{background:#f2f4f6;color:#4e5968}
</style>
</head>
<body>
${body}
</body>
</html>`;
}

/** The hosted payment page: the order, a test card to pick, pay or give up. Fits a phone. */
export function checkoutPage(params: CheckoutParams): string {
  const hidden = Object.entries(params)
    .filter(([, value]) => value !== undefined)
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${name}" value="${escapeHtml(String(value))}">`,
    )
    .join('\n');
  const cards = (Object.keys(testCards) as TestCard[])
    .map(
      (card, index) =>
        `<label><input type="radio" name="card" value="${card}"${index === 0 ? ' checked' : ''}> ${escapeHtml(cardBehaviours[card].label)}<small>${formattedNumber(testCards[card])}</small></label>`,
    )
    .join('\n');
  return layout(
    '결제하기',
    `<h1>결제하기</h1>
<p>${escapeHtml(params.orderName)}</p>
${params.customerName ? `<p class="muted">주문자 ${escapeHtml(params.customerName)}</p>` : ''}
<p class="amount">${won(params.amount)}</p>
<form method="post" action="/checkout">
${hidden}
<fieldset><legend>테스트 카드</legend>
${cards}
</fieldset>
<button class="pay" type="submit" name="action" value="pay">${won(params.amount)} 결제하기</button>
<button class="cancel" type="submit" name="action" value="cancel">결제 취소</button>
</form>`,
  );
}

/** What the customer sees when the shop sent them with something wrong (no URL to go back to). */
export function checkoutErrorPage(refusal: Refusal): string {
  return layout(
    '결제 오류',
    `<h1>결제를 진행할 수 없습니다</h1>
<p>${escapeHtml(refusal.message)}</p>
<p class="muted">${escapeHtml(refusal.code)}</p>`,
  );
}
