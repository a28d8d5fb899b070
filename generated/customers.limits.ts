/**
 * Generated from openapi/customers.yaml by `npm run generate`. Do not edit: change the document and regenerate.
 * The limits the document lists in x-limits.
 */

/** A person's id is at most 150 bytes of UTF-8 (Customer.io documentation). */
export const personIdBytes = 150;

/** An attribute's name is at most 150 bytes of UTF-8 (Customer.io documentation). */
export const attributeNameBytes = 150;

/** An attribute's value is at most 1000 bytes (Customer.io documentation). */
export const attributeValueBytes = 1000;

/** At most 300 unique attributes per person or per identify call (Customer.io documentation). */
export const attributesPerCall = 300;
