/** "£2,100" or "£87.50": how cards show money. */
export function money(pounds: number): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: Number.isInteger(pounds) ? 0 : 2 }).format(pounds);
}
