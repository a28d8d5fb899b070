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
         * @description Creates a person, or updates the person the request resolves to. Which person that is, and whether
         *     the identifiers in the body are applied, follows the rules below. Each rule has an id that the
         *     simulator, the conformance checks and the README cite.
         *
         *     **Identity resolution**
         *
         *     - **C1 create.** Without a `cio_` reference, when neither the path identifier nor any identifier in
         *       the body belongs to a person, a new person is created.
         *     - **C2 update by path.** When a person already holds the path identifier, that person is updated.
         *     - **C3 adopt the path identifier.** When the path identifier belongs to nobody but an identifier in the
         *       body belongs to a person, that person is updated and receives the path identifier.
         *     - **C4 conflict.** When the path identifier and a body identifier belong to two different people, the
         *       call can still answer `200`, but the body identifier is not applied and the activity log records an
         *       "Attribute Update Failure" for it.
         *     - **C5 changing a set identifier.** Once a person's `id` or `email` is set, it can only be changed by a
         *       request whose path is `cio_<cio_id>`.
         *     - **C6 email by id.** Exception to C5: with the workspace setting "Allow updates to email using ID"
         *       turned on, a person referenced by `id` can have their `email` changed.
         *     - **C7 `cio_` reference.** A path of `cio_<cio_id>` updates that person, identifiers in the body included.
         *     - **C8 unknown or deleted `cio_`.** When the `cio_id` does not exist, or belongs to a deleted person, the
         *       request is dropped and nothing changes.
         *     - **C9 email ignores case.** In workspaces that identify people by email, `person@example.com` and
         *       `PERSON@example.com` are the same person.
         *     - **C10 identifier forms.** The path holds an `id`, an email address, or `cio_<cio_id>`, as the
         *       workspace's settings allow. The server tells them apart by shape: the `cio_` prefix, then an email
         *       address (where email identifies people), otherwise an `id`. A `cio_id` must carry the `cio_` prefix.
         *     - **C11 setting an id by email.** A person referenced by email may be given an `id`; an `id` that is
         *       already set changes only through a `cio_` reference.
         *
         *     **Request**
         *
         *     - **C12 content type.** The body is JSON, sent with `Content-Type: application/json`.
         *     - **C13 email attribute.** `email` in the body is the person's email address.
         *
         *     **Attributes**
         *
         *     - **C14 subscription preferences.** `cio_subscription_preferences.topics` stores one boolean per topic.
         *     - **C15 one topic by dot notation.** A key `cio_subscription_preferences.topics.topic_<id>` changes that
         *       topic and keeps the others, whereas the object form replaces the preferences it names.
         *     - **C16 anonymous_id.** Links events that carry the same anonymous value to the person; a value held by
         *       one person is never given to another.
         *     - **C17 unsubscribed.** `true` unsubscribes the person from every message; `false` or absent leaves them
         *       to their subscription preferences.
         *     - **C18 relationship action.** `cio_relationships.action` adds the listed relationships or removes them.
         *     - **C19 relationship identifiers.** Each relationship names an object by `object_type_id` and
         *       `object_id`, both required; an existing `object_id` refers to that object.
         *     - **C20 object type ids.** `object_type_id` is a string holding a whole number from 1 upwards.
         *     - **C21 relationship attributes.** Attributes of the relationship itself; `null` or `""` removes one.
         *     - **C22 created_at.** The Unix time, in whole seconds, at which the person was created.
         *
         *     **`_update`**
         *
         *     - **C23 no create.** With `_update: true` no person is ever created, even when the path identifier is
         *       unknown.
         *     - **C24 failed attribute change.** With `_update: true`, identifiers that belong to nobody produce a
         *       "Failed Attribute Change" entry in the activity log, and nothing is created.
         *
         *     **Known limits.** Identifiers (path, `id`, `email`, `anonymous_id`) and attribute names are at most
         *     150 bytes of UTF-8; an attribute value is at most 1000 bytes; one call carries at most 300 attributes.
         *     Times are Unix seconds: a value in milliseconds is stored but is useless as a time.
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
         *     use for it. Any Track host answers it, so a client can ask the United States host once and then send
         *     every other call straight to the host named in `url`, instead of relying on a redirect from the US host
         *     to the EU host (which many HTTP clients follow without the `Authorization` header). The answer does not
         *     change for a workspace, so clients may keep it for as long as they use the same credentials.
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
         * @description Attributes of a person. The fields below have a meaning to Customer.io; every other key is a custom
         *     attribute.
         *
         *     **Custom attributes.** A custom value may be a string, a number, a boolean, `null`, an array or an
         *     object. This is wider than Customer.io's own published document (string, integer, boolean), because
         *     workspaces store floats, lists and nested objects in practice. `null` or an empty string removes the
         *     attribute from the person. Limits: a name is 1 to 150 bytes; a value, written as JSON, is at most 1000
         *     bytes; at most 300 attributes per call. Names starting with `_` are reserved for Customer.io.
         */
        PersonAttributes: {
            /**
             * @description The workspace's own identifier for the person (case-sensitive, at most 150 bytes). A person
             *     referenced by email in the path may be given an id (C11); an id that is already set changes only
             *     when the path is `cio_<cio_id>` (C5, C7).
             * @example user-5678
             */
            id?: string;
            /**
             * Format: email
             * @description The person's email address (C13). Where the workspace identifies people by email it is an
             *     identifier and case-insensitive (C9). Once set it changes only through a `cio_` reference (C5),
             *     or by id when "Allow updates to email using ID" is on (C6).
             * @example ada@example.com
             */
            email?: string;
            /**
             * @description An anonymous value such as a cookie id. Events that carry it are attributed to this person. A value
             *     belongs to one person only and cannot be reused by another (C16).
             * @example anon-2f6c9b
             */
            anonymous_id?: string;
            /**
             * @description When the person was created, as Unix time in whole **seconds** (C22). Milliseconds (values above
             *     10^11) are accepted by the server but break every time-based feature, so clients should reject them.
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
             * @description Unix time in whole seconds at which these attributes were true. When updates for one person arrive
             *     out of order, the server keeps the values with the newest `_timestamp`.
             * @example 1700000500
             */
            _timestamp?: number;
            /**
             * @description `true` unsubscribes the person from every message; `false` or absent leaves them eligible as their
             *     subscription preferences say (C17). Send a boolean. For compatibility the server also reads
             *     `"true"` in any case, `1` and `"1"` as true, and any other string or number as false.
             * @example true
             */
            unsubscribed?: boolean | string | number;
            cio_subscription_preferences?: components["schemas"]["SubscriptionPreferences"];
            cio_relationships?: components["schemas"]["Relationships"];
        } & {
            [key: string]: components["schemas"]["CustomAttributeValue"] | boolean;
        };
        /**
         * @description The value of a custom attribute: a string (at most 1000 bytes), a number, a boolean, `null`, an array or
         *     an object (at most 1000 bytes written as JSON). `null` and `""` remove the attribute.
         */
        CustomAttributeValue: string | number | boolean | null | unknown[] | {
            [key: string]: unknown;
        };
        /**
         * @description The person's subscription preferences (C14). Sending this object replaces the preferences it names:
         *     topics left out of `topics` return to the workspace's default. To change one topic and keep the others,
         *     use the dot-notation key instead (C15). People set these themselves through the subscription center;
         *     this field sets them from outside it.
         */
        SubscriptionPreferences: {
            /**
             * @description One boolean per topic, keyed `topic_<id>`; `true` subscribes, `false` unsubscribes.
             * @example {
             *       "topic_1": true,
             *       "topic_7": false
             *     }
             */
            topics?: {
                [key: string]: boolean;
            };
        };
        /**
         * @description Relationships between the person and objects (non-person entities such as companies or courses). The
         *     `action` decides whether the listed relationships are added or removed (C18).
         */
        Relationships: {
            /**
             * @description `add_relationships` relates the person to each listed object; `delete_relationships` removes those
             *     relationships. Defaults to `add_relationships`.
             * @default add_relationships
             * @enum {string}
             */
            action?: "add_relationships" | "delete_relationships";
            /** @description One entry per object to relate to, or to stop relating to. */
            relationships: components["schemas"]["Relationship"][];
        };
        /** @description One relationship between the person and an object. */
        Relationship: {
            /** @description The object, named by its type and its id (C19). */
            identifiers: {
                /**
                 * @description The object's type, as a string holding a whole number. Types are numbered from 1 in the order the
                 *     workspace created them, for example "1" for Companies (C20).
                 * @example 1
                 */
                object_type_id: string;
                /**
                 * @description The object's own id within its type. An id that already exists refers to that object; a new one
                 *     creates it (C19).
                 * @example acme
                 */
                object_id: string;
            };
            /**
             * @description Attributes of the relationship itself, such as a role. `null` or `""` removes that attribute from
             *     the relationship (C21). Workspaces without relationship attributes accept and ignore them.
             */
            relationship_attributes?: {
                [key: string]: string | number | boolean | null;
            };
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
         * @description Customer.io's error envelope for the Track API. A single message arrives as `meta.error`, several as
         *     `meta.errors`.
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
         * @description The workspace lives in the other data center: a request sent to the US host for an EU workspace is
         *     redirected to the same path on the EU host (which status Customer.io uses is not documented; clients
         *     should handle 301, 307 and 308 alike). A client must repeat the PUT with its body and credentials, which
         *     most HTTP stacks drop on a cross-origin redirect; asking `GET /api/v1/accounts/region` once avoids the
         *     redirect altogether.
         */
        WrongRegion: {
            headers: {
                Location: components["headers"]["Location"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /**
         * @description The request was accepted. The body is always `{}`: it does not say whether a conflicting identifier was
         *     refused (C4), a `_update` found nobody (C24) or a `cio_` request was dropped (C8). Only the activity log
         *     shows those.
         */
        Accepted: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Empty"];
            };
        };
        /** @description The request was malformed, or broke a known limit. The envelope names the problem. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description The site ID and API key were missing or refused. Customer.io has answered this as plain text
         *     (`Unauthorized request`) and as a JSON envelope, so clients must read both.
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
        /** @description The body is larger than the server accepts. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description Too many requests. Customer.io publishes a fair-use rate rather than a hard limit; wait as long as
         *     `Retry-After` says, when present, before trying again.
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
         * @description A failure on the server's side or in a proxy in front of it. The body may be JSON, plain text or an HTML
         *     page. The change may or may not have been saved.
         */
        ServerError: {
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
         *     The server decides the form from the value's shape. The value is URL-encoded exactly once in the
         *     path (`a+b@example.com` travels as `a%2Bb%40example.com`) and is at most 150 bytes of UTF-8.
         */
        Identifier: string;
    };
    requestBodies: {
        /**
         * @description The attributes to set on the person. Every field is optional, and any other key is stored as a custom
         *     attribute. An empty object `{}` is a valid body.
         */
        Person: {
            content: {
                "application/json": components["schemas"]["PersonAttributes"];
            };
        };
    };
    headers: {
        /** @description Where to send the request instead, on the host of the workspace's data center. */
        Location: string;
        /** @description How long to wait before trying again, in seconds or as an HTTP date. */
        RetryAfter: string;
    };
    pathItems: never;
}
export type PersonAttributes = components['schemas']['PersonAttributes'];
export type CustomAttributeValue = components['schemas']['CustomAttributeValue'];
export type SubscriptionPreferences = components['schemas']['SubscriptionPreferences'];
export type Relationships = components['schemas']['Relationships'];
export type Relationship = components['schemas']['Relationship'];
export type AccountRegion = components['schemas']['AccountRegion'];
export type Empty = components['schemas']['Empty'];
export type ErrorEnvelope = components['schemas']['ErrorEnvelope'];
export type ResponseWrongRegion = components['responses']['WrongRegion'];
export type ResponseAccepted = components['responses']['Accepted'];
export type ResponseBadRequest = components['responses']['BadRequest'];
export type ResponseUnauthorized = components['responses']['Unauthorized'];
export type ResponsePayloadTooLarge = components['responses']['PayloadTooLarge'];
export type ResponseTooManyRequests = components['responses']['TooManyRequests'];
export type ResponseServerError = components['responses']['ServerError'];
export type ParameterIdentifier = components['parameters']['Identifier'];
export type RequestBodyPerson = components['requestBodies']['Person'];
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
                 *     The server decides the form from the value's shape. The value is URL-encoded exactly once in the
                 *     path (`a+b@example.com` travels as `a%2Bb%40example.com`) and is at most 150 bytes of UTF-8.
                 */
                identifier: components["parameters"]["Identifier"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["Person"];
        responses: {
            200: components["responses"]["Accepted"];
            301: components["responses"]["WrongRegion"];
            307: components["responses"]["WrongRegion"];
            308: components["responses"]["WrongRegion"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
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
            "5XX": components["responses"]["ServerError"];
        };
    };
}
