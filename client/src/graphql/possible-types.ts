
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "AddressResult": [
      "Address",
      "AddressLimitReached",
      "AddressNotFound",
      "InvalidInput"
    ],
    "AdjustPointsResult": [
      "InvalidInput",
      "User"
    ],
    "AdminRefundLineResult": [
      "InvalidInput",
      "Return",
      "ReturnNotPossible"
    ],
    "BrandResult": [
      "Brand",
      "InvalidInput"
    ],
    "CancelOrderResult": [
      "Order",
      "OrderNotCancellable",
      "OrderNotFound"
    ],
    "CategoryResult": [
      "CatalogItemNotFound",
      "Category",
      "InvalidInput"
    ],
    "CheckoutQuoteResult": [
      "CheckoutQuote",
      "InvalidInput"
    ],
    "ConfirmPaymentResult": [
      "Payment",
      "PaymentFailed"
    ],
    "ConfirmPurchaseResult": [
      "Order",
      "OrderNotDelivered",
      "OrderNotFound",
      "ReturnOpen"
    ],
    "CouponTemplateResult": [
      "CouponTemplate",
      "InvalidInput"
    ],
    "CreateOrderResult": [
      "CouponInvalid",
      "InsufficientPoints",
      "InvalidInput",
      "Order",
      "OutOfStock",
      "ProductUnavailable"
    ],
    "CreatePartnerResult": [
      "InvalidInput",
      "Partner",
      "PartnerNameTaken"
    ],
    "DiscountResult": [
      "Discount",
      "InvalidInput"
    ],
    "ErrorResult": [
      "AccountNotFound",
      "AddressLimitReached",
      "AddressNotFound",
      "CatalogItemNotFound",
      "CouponInvalid",
      "CouponNotIssued",
      "EmailTaken",
      "InsufficientPoints",
      "InvalidCredentials",
      "InvalidInput",
      "InvalidRefreshToken",
      "OrderNotCancellable",
      "OrderNotDelivered",
      "OrderNotFound",
      "OutOfStock",
      "OwnRole",
      "PartnerNameTaken",
      "PartnerNotFound",
      "PaymentFailed",
      "ProductUnavailable",
      "ReindexAlreadyRunning",
      "ReturnNotPossible",
      "ReturnOpen",
      "ShipmentNotReady",
      "StockBelowReserved",
      "TooManyAttempts"
    ],
    "ImageUploadResult": [
      "CatalogItemNotFound",
      "ImageUpload"
    ],
    "IssueCouponResult": [
      "Coupon",
      "CouponNotIssued"
    ],
    "IssuePartnerKeyResult": [
      "InvalidInput",
      "IssuedPartnerKey",
      "PartnerNotFound"
    ],
    "LoginResult": [
      "AuthSession",
      "InvalidCredentials",
      "TooManyAttempts"
    ],
    "ProductResult": [
      "CatalogItemNotFound",
      "InvalidInput",
      "Product"
    ],
    "QuoteResult": [
      "CartQuote",
      "InvalidInput"
    ],
    "RefreshTokenResult": [
      "AuthSession",
      "InvalidRefreshToken"
    ],
    "RegisterPartnerManifestResult": [
      "InvalidInput",
      "Partner",
      "PartnerNotFound"
    ],
    "ReindexResult": [
      "ReindexAlreadyRunning",
      "ReindexRun"
    ],
    "RequestReturnResult": [
      "InvalidInput",
      "Return",
      "ReturnNotPossible"
    ],
    "ReturnStepResult": [
      "Return",
      "ReturnNotPossible"
    ],
    "SetBrandCommissionResult": [
      "BrandCommission",
      "InvalidInput"
    ],
    "SetStaffRoleResult": [
      "AccountNotFound",
      "OwnRole",
      "StaffMember"
    ],
    "ShipOrderResult": [
      "InvalidInput",
      "Shipment",
      "ShipmentNotReady"
    ],
    "SignUpResult": [
      "AuthSession",
      "EmailTaken",
      "InvalidInput"
    ],
    "SkuResult": [
      "CatalogItemNotFound",
      "InvalidInput",
      "Sku",
      "StockBelowReserved"
    ],
    "UpdateProfileResult": [
      "InvalidInput",
      "User"
    ]
  }
};
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "AddressResult": [
      "Address",
      "AddressLimitReached",
      "AddressNotFound",
      "InvalidInput"
    ],
    "AdjustPointsResult": [
      "InvalidInput",
      "User"
    ],
    "AdminRefundLineResult": [
      "InvalidInput",
      "Return",
      "ReturnNotPossible"
    ],
    "BrandResult": [
      "Brand",
      "InvalidInput"
    ],
    "CancelOrderResult": [
      "Order",
      "OrderNotCancellable",
      "OrderNotFound"
    ],
    "CategoryResult": [
      "CatalogItemNotFound",
      "Category",
      "InvalidInput"
    ],
    "CheckoutQuoteResult": [
      "CheckoutQuote",
      "InvalidInput"
    ],
    "ConfirmPaymentResult": [
      "Payment",
      "PaymentFailed"
    ],
    "ConfirmPurchaseResult": [
      "Order",
      "OrderNotDelivered",
      "OrderNotFound",
      "ReturnOpen"
    ],
    "CouponTemplateResult": [
      "CouponTemplate",
      "InvalidInput"
    ],
    "CreateOrderResult": [
      "CouponInvalid",
      "InsufficientPoints",
      "InvalidInput",
      "Order",
      "OutOfStock",
      "ProductUnavailable"
    ],
    "CreatePartnerResult": [
      "InvalidInput",
      "Partner",
      "PartnerNameTaken"
    ],
    "DiscountResult": [
      "Discount",
      "InvalidInput"
    ],
    "ErrorResult": [
      "AccountNotFound",
      "AddressLimitReached",
      "AddressNotFound",
      "CatalogItemNotFound",
      "CouponInvalid",
      "CouponNotIssued",
      "EmailTaken",
      "InsufficientPoints",
      "InvalidCredentials",
      "InvalidInput",
      "InvalidRefreshToken",
      "OrderNotCancellable",
      "OrderNotDelivered",
      "OrderNotFound",
      "OutOfStock",
      "OwnRole",
      "PartnerNameTaken",
      "PartnerNotFound",
      "PaymentFailed",
      "ProductUnavailable",
      "ReindexAlreadyRunning",
      "ReturnNotPossible",
      "ReturnOpen",
      "ShipmentNotReady",
      "StockBelowReserved",
      "TooManyAttempts"
    ],
    "ImageUploadResult": [
      "CatalogItemNotFound",
      "ImageUpload"
    ],
    "IssueCouponResult": [
      "Coupon",
      "CouponNotIssued"
    ],
    "IssuePartnerKeyResult": [
      "InvalidInput",
      "IssuedPartnerKey",
      "PartnerNotFound"
    ],
    "LoginResult": [
      "AuthSession",
      "InvalidCredentials",
      "TooManyAttempts"
    ],
    "ProductResult": [
      "CatalogItemNotFound",
      "InvalidInput",
      "Product"
    ],
    "QuoteResult": [
      "CartQuote",
      "InvalidInput"
    ],
    "RefreshTokenResult": [
      "AuthSession",
      "InvalidRefreshToken"
    ],
    "RegisterPartnerManifestResult": [
      "InvalidInput",
      "Partner",
      "PartnerNotFound"
    ],
    "ReindexResult": [
      "ReindexAlreadyRunning",
      "ReindexRun"
    ],
    "RequestReturnResult": [
      "InvalidInput",
      "Return",
      "ReturnNotPossible"
    ],
    "ReturnStepResult": [
      "Return",
      "ReturnNotPossible"
    ],
    "SetBrandCommissionResult": [
      "BrandCommission",
      "InvalidInput"
    ],
    "SetStaffRoleResult": [
      "AccountNotFound",
      "OwnRole",
      "StaffMember"
    ],
    "ShipOrderResult": [
      "InvalidInput",
      "Shipment",
      "ShipmentNotReady"
    ],
    "SignUpResult": [
      "AuthSession",
      "EmailTaken",
      "InvalidInput"
    ],
    "SkuResult": [
      "CatalogItemNotFound",
      "InvalidInput",
      "Sku",
      "StockBelowReserved"
    ],
    "UpdateProfileResult": [
      "InvalidInput",
      "User"
    ]
  }
};
      export default result;
    