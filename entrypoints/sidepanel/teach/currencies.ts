/** The currencies offered first when the seller confirms a page's currency (any ISO 4217 code the page suggests is added). */
export const COMMON_CURRENCIES = ['USD', 'EUR', 'GBP', 'BRL', 'MXN', 'CNY', 'TWD', 'JPY', 'KRW', 'IDR', 'VND', 'THB', 'MYR', 'PHP', 'SGD', 'INR', 'AUD', 'CAD', 'PLN', 'TRY'] as const;
