/**
 * Generated from openapi/customers.yaml by `npm run generate`. Do not edit: change the document and regenerate.
 * Types produced by openapi-typescript.
 */

export interface paths {
    "/api/v1/customers/{identifier}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Add or update a person
         * @description Creates a person, or updates the person that the path identifier (and, failing that, the identifiers
         *     in the body) resolves to, and sets the attributes in the body. The answer is `200 {}` even when part
         *     of the request is refused; the rules C1–C24 under People say which person is meant and what is applied.
         *     Put the identifier in the path URL-encoded exactly once: `a+b@example.com` travels as
         *     `a%2Bb%40example.com`.
         */
        put: operations["identify"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/region": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find the workspace's data center
         * @description Tells which data center holds the workspace that the credentials belong to, and which Track API host to
         *     use for it. A client can ask once and then send every other call straight to the host named in `url`,
         *     instead of relying on a redirect from the US host to the EU host (which many HTTP clients follow without
         *     the `Authorization` header).
         */
        get: operations["getRegion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description Attributes of a person: the fields that have a meaning to Customer.io (`DeclaredAttributes`), and any
         *     other key as a custom attribute (`CustomAttributes`). Both parts describe the same JSON object.
         */
        PersonAttributes: components["schemas"]["DeclaredAttributes"] & components["schemas"]["CustomAttributes"];
        /** @description The attributes that have a meaning to Customer.io. Every one is optional. */
        DeclaredAttributes: {
            /**
             * @description The workspace's own identifier for the person (case-sensitive, at most 150 bytes of UTF-8). A person
             *     referenced by email in the path may be given an id (C11); an id that is already set changes only
             *     when the path is `cio_<cio_id>` (C5, C7).
             * @example user-5678
             */
            id?: string;
            /**
             * Format: email
             * @description The person's email address (C13). Where the workspace identifies people by email it is an
             *     identifier and case-insensitive (C9). Once set it changes only through a `cio_` reference (C5),
             *     or by id when "Allow updates to email using ID" is on (C6). Like any attribute value it is at most
             *     1000 bytes.
             * @example ada@example.com
             */
            email?: string;
            /**
             * @description An anonymous value such as a cookie id. Events that carry it are attributed to this person. A value
             *     belongs to one person only and cannot be reused by another (C16). Like any attribute value it is at
             *     most 1000 bytes.
             * @example anon-2f6c9b
             */
            anonymous_id?: string;
            /**
             * @description When the person was created, as Unix time in whole **seconds** (C22). Customer.io stores a value in
             *     milliseconds, but it is then useless as a time. A negative time is refused, a choice of this document.
             * @example 1700000000
             */
            created_at?: number;
            /**
             * @description When `true`, the call only updates: no person is created even if the path identifier is unknown
             *     (C23), and identifiers that match nobody are logged as a "Failed Attribute Change" (C24). Use it
             *     when rapid successive calls could otherwise create duplicate profiles.
             */
            _update?: boolean;
            /**
             * @description Unix time in whole seconds that orders attribute updates sent in rapid succession for one person.
             *     Customer.io's published document declares it; the requirement this project follows does not. A
             *     negative time is refused, a choice of this document.
             * @example 1700000500
             */
            _timestamp?: number;
            /**
             * @description `true` unsubscribes the person from every message; `false` or absent leaves them eligible as their
             *     subscription preferences say (C17). Send a boolean. Customer.io's published document also reads
             *     `"true"` in any case, `1` and `"1"` as true, and any other string or number as false.
             * @example true
             */
            unsubscribed?: boolean | string | number;
            cio_subscription_preferences?: components["schemas"]["SubscriptionPreferences"];
            cio_relationships?: components["schemas"]["Relationships"];
        };
        /**
         * @description Custom attributes: any key other than the declared ones. A name is 1 to 150 bytes of UTF-8 and
         *     case-sensitive; names starting with `_` are reserved for Customer.io; a call carries at most 300
         *     attributes (Customer.io documentation). A key `cio_subscription_preferences.topics.topic_<id>` is not
         *     a custom attribute but one topic preference in dot notation (C15), and takes a boolean.
         */
        CustomAttributes: {
            [key: string]: components["schemas"]["CustomAttributeValue"] | boolean;
        };
        /**
         * @description The value of a custom attribute. Customer.io's published document allows a string, an integer or a
         *     boolean. This document also allows a fractional number, `null`, an array and an object, a choice:
         *     the platform is believed to store them (**Unverified**). A value is at most 1000 bytes (Customer.io
         *     documentation); an array or object is measured written as JSON, a choice. **Unverified**: `null` or
         *     `""` removes the attribute from the person.
         */
        CustomAttributeValue: string | number | boolean | null | unknown[] | {
            [key: string]: unknown;
        };
        /**
         * @description The person's subscription preferences (C14). Sending this object replaces the preferences it names:
         *     a topic left out of `topics` reverts to the workspace's default (Customer.io documents the same for a
         *     topic sent with an empty value; this document takes booleans only, so leave a topic out to revert it).
         *     To change one topic and keep the others, use the dot-notation key instead (C15). People set these
         *     themselves through the subscription center; this field sets them from outside it.
         */
        SubscriptionPreferences: {
            topics?: components["schemas"]["Topics"];
        };
        /**
         * @description One boolean per topic, keyed `topic_<id>`; `true` subscribes, `false` unsubscribes.
         * @example {
         *       "topic_1": true,
         *       "topic_7": false
         *     }
         */
        Topics: {
            [key: string]: boolean;
        };
        /**
         * @description Relationships between the person and objects (non-person entities such as companies or courses). The
         *     `action` decides whether the listed relationships are added or removed (C18). This document requires
         *     `relationships`, a choice: neither Customer.io nor the requirement says whether it may be left out.
         */
        Relationships: {
            /**
             * @description `add_relationships` relates the person to each listed object; `delete_relationships` removes those
             *     relationships. Neither Customer.io nor the requirement says what a missing `action` means: send it.
             * @enum {string}
             */
            action?: "add_relationships" | "delete_relationships";
            /** @description One entry per object to relate to, or to stop relating to. */
            relationships: components["schemas"]["Relationship"][];
        };
        /** @description One relationship between the person and an object. */
        Relationship: {
            identifiers: components["schemas"]["ObjectIdentifiers"];
            relationship_attributes?: components["schemas"]["RelationshipAttributes"];
        };
        /**
         * @description The object: by its type and its id, both required together (C19), or by `cio_object_id`, the id
         *     Customer.io gave it (Customer.io documentation).
         */
        ObjectIdentifiers: {
            /**
             * @description The object's type, as a string holding a whole number. Types are numbered from 1 in the order the
             *     workspace created them, for example "1" for Companies (C20). Sent with `object_id`.
             * @example 1
             */
            object_type_id?: string;
            /**
             * @description The object's own id within its type. An id that already exists refers to that object; a new one
             *     creates it (C19). Sent with `object_type_id`.
             * @example acme
             */
            object_id?: string;
            /** @description Customer.io's own id of the object, instead of `object_type_id` and `object_id`. */
            cio_object_id?: string;
        };
        /**
         * @description Attributes of the relationship itself, such as a role. `null` or `""` removes that attribute from
         *     the relationship (C21). Workspaces without relationship attributes accept and ignore them. This
         *     document applies the name and value limits of a person's attributes to them, a choice.
         */
        RelationshipAttributes: {
            [key: string]: string | number | boolean | null;
        };
        /** @description Where a workspace's data lives and which Track API host serves it. */
        AccountRegion: {
            /**
             * @description Base URL of the Track API for this workspace, without a trailing slash. Send the workspace's other
             *     Track API calls here.
             * @example https://track-eu.customer.io
             */
            url: string;
            /**
             * @description The data center, `us` for the United States or `eu` for the European Union.
             * @enum {string}
             */
            region: "us" | "eu";
            /**
             * @description The numeric id of the workspace (environment) the credentials belong to.
             * @example 12345
             */
            environment_id: number;
        };
        /** @description An empty JSON object. The endpoint answers it whether or not every change was applied. */
        Empty: Record<string, never>;
        /**
         * @description Customer.io's error envelope for the Track API (**Observed**). A single message arrives as `meta.error`,
         *     several as `meta.errors`.
         */
        ErrorEnvelope: {
            meta: {
                /** @description One message. */
                error?: string;
                /** @description Several messages, one per problem. */
                errors?: string[];
            };
        };
    };
    responses: {
        /**
         * @description The workspace lives in the other data center. Customer.io documents that traffic for an EU workspace
         *     sent to the US host is redirected to the EU host; **Unverified**: which status it uses (301, 307 and 308
         *     are declared alike). A client must repeat the PUT with its body and credentials, which most HTTP stacks
         *     drop on a cross-origin redirect; asking `GET /api/v1/accounts/region` once avoids the redirect.
         */
        WrongRegion: {
            headers: {
                Location: components["headers"]["Location"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /**
         * @description The request was malformed, or broke a documented limit. The envelope names the problem. **Observed**:
         *     the example below was seen from the live service; Customer.io documents neither the envelope nor the
         *     wording of its messages.
         */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description The site ID and API key were missing or refused (Customer.io documentation). **Observed**: the body has
         *     been plain text, `Unauthorized request`. **Unverified**: whether it is now a JSON envelope; clients
         *     should read both.
         */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "text/plain": string;
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description Too many requests. Customer.io publishes a fair-use rate rather than a hard limit, and documents no
         *     rate-limit headers. **Unverified**: whether this call ever answers 429, and whether `Retry-After` comes
         *     with it; when present, wait as long as it says.
         */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
                "text/plain": string;
            };
        };
        /**
         * @description Any other error answer, from the service or from a proxy in front of it; Customer.io documents none.
         *     **Observed**: bodies may be JSON, plain text or an HTML page (a proxy's 502). After a 5xx the change may
         *     or may not have been saved.
         */
        OtherError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
                "text/plain": string;
                "text/html": string;
            };
        };
    };
    parameters: {
        /**
         * @description The person this request is about, in one of three forms (rule C10):
         *
         *     - an **id**, the workspace's own identifier for the person (case-sensitive);
         *     - an **email address**, in workspaces that identify people by email (case-insensitive, rule C9);
         *     - **`cio_<cio_id>`**, Customer.io's internal identifier with the `cio_` prefix. Only this form can
         *       change an `id` or `email` that is already set (rules C5, C7). A `cio_id` that does not exist, or
         *       belongs to a deleted person, makes the server drop the request (rule C8).
         *
         *     The server decides the form from the value's shape; a phone number in the path is treated as an id.
         *     URL-encode the value exactly once as one path segment (`encodeURIComponent` in JavaScript):
         *     `a+b@example.com` travels as `a%2Bb%40example.com` and `ops/team#1` as `ops%2Fteam%231`. If your HTTP
         *     client inserts path parameters without encoding them, encode the value yourself before passing it;
         *     if it encodes them, pass the value as it is.
         *
         *     Customer.io documents that a person's id is at most 150 bytes of UTF-8. This document applies that
         *     bound to every form of the path identifier, a choice: Customer.io documents no separate limit for an
         *     email address or a `cio_id` in the path.
         */
        Identifier: string;
    };
    requestBodies: never;
    headers: {
        /** @description Where to send the request instead, on the host of the workspace's data center. */
        Location: string;
        /**
         * @description How long to wait before trying again, in seconds or as an HTTP date. **Unverified**: Customer.io
         *     documents no rate-limit headers.
         */
        RetryAfter: string;
    };
    pathItems: never;
}
export type PersonAttributes = components['schemas']['PersonAttributes'];
export type DeclaredAttributes = components['schemas']['DeclaredAttributes'];
export type CustomAttributes = components['schemas']['CustomAttributes'];
export type CustomAttributeValue = components['schemas']['CustomAttributeValue'];
export type SubscriptionPreferences = components['schemas']['SubscriptionPreferences'];
export type Topics = components['schemas']['Topics'];
export type Relationships = components['schemas']['Relationships'];
export type Relationship = components['schemas']['Relationship'];
export type ObjectIdentifiers = components['schemas']['ObjectIdentifiers'];
export type RelationshipAttributes = components['schemas']['RelationshipAttributes'];
export type AccountRegion = components['schemas']['AccountRegion'];
export type Empty = components['schemas']['Empty'];
export type ErrorEnvelope = components['schemas']['ErrorEnvelope'];
export type ResponseWrongRegion = components['responses']['WrongRegion'];
export type ResponseBadRequest = components['responses']['BadRequest'];
export type ResponseUnauthorized = components['responses']['Unauthorized'];
export type ResponseTooManyRequests = components['responses']['TooManyRequests'];
export type ResponseOtherError = components['responses']['OtherError'];
export type ParameterIdentifier = components['parameters']['Identifier'];
export type HeaderLocation = components['headers']['Location'];
export type HeaderRetryAfter = components['headers']['RetryAfter'];
export type $defs = Record<string, never>;
export interface operations {
    identify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The person this request is about, in one of three forms (rule C10):
                 *
                 *     - an **id**, the workspace's own identifier for the person (case-sensitive);
                 *     - an **email address**, in workspaces that identify people by email (case-insensitive, rule C9);
                 *     - **`cio_<cio_id>`**, Customer.io's internal identifier with the `cio_` prefix. Only this form can
                 *       change an `id` or `email` that is already set (rules C5, C7). A `cio_id` that does not exist, or
                 *       belongs to a deleted person, makes the server drop the request (rule C8).
                 *
                 *     The server decides the form from the value's shape; a phone number in the path is treated as an id.
                 *     URL-encode the value exactly once as one path segment (`encodeURIComponent` in JavaScript):
                 *     `a+b@example.com` travels as `a%2Bb%40example.com` and `ops/team#1` as `ops%2Fteam%231`. If your HTTP
                 *     client inserts path parameters without encoding them, encode the value yourself before passing it;
                 *     if it encodes them, pass the value as it is.
                 *
                 *     Customer.io documents that a person's id is at most 150 bytes of UTF-8. This document applies that
                 *     bound to every form of the path identifier, a choice: Customer.io documents no separate limit for an
                 *     email address or a `cio_id` in the path.
                 */
                identifier: components["parameters"]["Identifier"];
            };
            cookie?: never;
        };
        /**
         * @description The attributes to set on the person. Every field is optional, and any other key is stored as a custom
         *     attribute. An empty object `{}` is a valid body.
         */
        requestBody: {
            content: {
                "application/json": components["schemas"]["PersonAttributes"];
            };
        };
        responses: {
            /**
             * @description The request was accepted. The body is always `{}`: it does not say whether a conflicting identifier
             *     was refused (C4), a `_update` found nobody (C24) or a `cio_` request was dropped (C8). Only the
             *     activity log shows those. **Observed**: the live service sends it with
             *     `Content-Type: application/json; charset=utf-8`.
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            301: components["responses"]["WrongRegion"];
            307: components["responses"]["WrongRegion"];
            308: components["responses"]["WrongRegion"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["OtherError"];
        };
    };
    getRegion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workspace's data center and the Track API host that serves it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountRegion"];
                };
            };
            401: components["responses"]["Unauthorized"];
            default: components["responses"]["OtherError"];
        };
    };
}
