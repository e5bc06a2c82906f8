// LoyaltyLion's error bodies as its documentation gives them, byte for byte where the page shows the
// whole body. NOT recorded from the live API: no recording is available. Source:
// https://developers.loyaltylion.com/headless-api/errors (400, 401/403, 404, 422 with a code); the
// Admin API reference (https://developers.loyaltylion.com/api) describes the same statuses. The 429
// and 500 bodies are not shown there: they are built in the same `{"error": {...}}` shape and say so.

/** Error bodies, by what they answer. */
export const documented = {
  /** 400: a request that fails structural validation (the docs' example). */
  validation:
    '{\n  "error": {\n    "message": "Invalid request",\n    "details": {\n      "channel": "Invalid option: expected one of \\"web\\"|\\"pos\\"|\\"mobile\\""\n    }\n  }\n}\n',
  /** 401 (an invalid key) and 403 (a key without the permission): the docs' example. */
  authentication: '{\n  "error": {\n    "message": "Authentication is required"\n  }\n}\n',
  /** 404: the docs describe it for an unknown `customer_merchant_id`; the body follows the shape. */
  notFound: '{\n  "error": {\n    "message": "Customer not found"\n  }\n}\n',
  /** 422 with a code the shopper can be told about (the docs name `reward_out_of_stock`). */
  unprocessable:
    '{\n  "error": {\n    "message": "This reward is out of stock",\n    "code": "reward_out_of_stock"\n  }\n}\n',
  /** 429: status documented, body built in the documented shape. */
  rateLimited: '{\n  "error": {\n    "message": "Rate limit exceeded"\n  }\n}\n',
  /** 500: body built in the documented shape. */
  serverError: '{\n  "error": {\n    "message": "Internal server error"\n  }\n}\n',
} as const;
