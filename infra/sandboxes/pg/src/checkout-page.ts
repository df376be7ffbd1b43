import { testCards } from './test-cards.js';

export interface CheckoutParams {
  orderId: string;
  orderName: string;
  amount: number;
  customerName: string;
  successUrl: string;
  failUrl: string;
}

const escapeHtml = (text: string) => text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The hosted payment page: pick a test card and pay. Small enough for a phone. */
export function checkoutPage(params: CheckoutParams): string {
  const hidden = Object.entries(params)
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${name}" value="${escapeHtml(String(value))}">`,
    )
    .join('\n');
  const cards = Object.entries(testCards)
    .map(
      ([name, number], index) =>
        `<label><input type="radio" name="card" value="${number}"${index === 0 ? ' checked' : ''}> ${name} · ${number.replace(/(\d{4})(?=\d)/g, '$1-')}</label>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="ko">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>결제하기 · PG 샌드박스</title>
<style>body{font-family:sans-serif;max-width:420px;margin:2rem auto;padding:0 1rem}label{display:block;margin:.5rem 0}
button{width:100%;padding:.8rem;font-size:1.1rem;background:#3182f6;color:#fff;border:0;border-radius:8px}</style></head>
<body>
<h1>결제하기</h1>
<p>${escapeHtml(params.orderName)}</p>
<p><strong>${params.amount.toLocaleString('ko-KR')}원</strong></p>
<form method="post" action="/checkout">
${hidden}
<fieldset><legend>테스트 카드</legend>
${cards}
</fieldset>
<button type="submit">${params.amount.toLocaleString('ko-KR')}원 결제</button>
</form>
</body>
</html>`;
}
