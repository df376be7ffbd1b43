import type { Page } from 'playwright-core';

/** The password every customer signed up in a browser test uses. */
export const customerPassword = 'correct horse battery staple';

/**
 * Signs a new customer up through the storefront's page: who they are and the access token the
 * page was handed (it keeps it in memory only; the refresh token stays in an httpOnly cookie).
 */
export async function signUpInPage(
  page: Page,
  clientUrl: string,
  customer: { name: string; email: string },
): Promise<{ userId: string; token: string }> {
  await page.goto(`${clientUrl}/signup`);
  await page.getByLabel('이름').fill(customer.name);
  await page.getByLabel('이메일').fill(customer.email);
  await page.getByLabel('비밀번호').fill(customerPassword);
  const answer = page.waitForResponse((response) => response.url().endsWith('/session/sign-up'));
  await page.getByRole('button', { name: '회원가입' }).click();
  const { result } = (await (await answer).json()) as {
    result: { userId: string; accessToken: string };
  };
  await page.getByRole('heading', { name: '오늘의 추천' }).waitFor();
  return { userId: result.userId, token: result.accessToken };
}

/** Signs a member of staff in to the admin, as they would, and waits for the dashboard. */
export async function signInToAdmin(
  page: Page,
  clientUrl: string,
  account: { email: string; password: string },
): Promise<void> {
  await page.goto(`${clientUrl}/admin/`);
  await page.getByLabel('이메일').fill(account.email);
  await page.getByLabel('비밀번호').fill(account.password);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByRole('heading', { name: '대시보드' }).waitFor();
}
