package dev.zohoconnect.benchmark;

import java.util.Arrays;

/** Zoho CRM editions and the concurrent API calls each allows per org and app. */
enum ZohoEdition {
  FREE(5),
  STANDARD(10),
  PROFESSIONAL(15),
  ENTERPRISE(20),
  ULTIMATE(25);

  final int concurrencyLimit;

  ZohoEdition(int concurrencyLimit) {
    this.concurrencyLimit = concurrencyLimit;
  }

  static ZohoEdition withLimit(int concurrencyLimit) {
    return Arrays.stream(values())
        .filter(edition -> edition.concurrencyLimit == concurrencyLimit)
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("No Zoho edition allows " + concurrencyLimit + " calls"));
  }

  /** As Zoho names it. */
  String label() {
    return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
  }
}
