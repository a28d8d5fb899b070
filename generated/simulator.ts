/**
 * Generated from openapi/simulator.yaml by `npm run generate`. Do not edit: change the document and regenerate.
 * Types produced by openapi-typescript.
 */

export interface paths {
    "/__simulator/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List people, a page at a time
         * @description The people of the workspace, oldest first, a page at a time: pass the `next_cursor` of a page as `cursor`
         *     to get the next one; the listing has ended when `next_cursor` is null. Deleted people are left out unless
         *     `include_deleted=true`.
         *
         *     A page holds at most `limit` people and looks at no more than 20,000 stored people, so that it costs the
         *     same at any size of workspace. A page may therefore hold fewer than `limit` people (even none, when most
         *     people are deleted) and still have a `next_cursor`.
         *
         *     `q` finds people by an exact identifier: the person whose cio_id (with or without `cio_`) or id is `q`, and
         *     everyone whose email address is `q`, compared as the workspace compares addresses (case-insensitively,
         *     rule C9). Matching is exact rather than by prefix, so that a search is one index lookup at any size.
         */
        get: operations["listPeople"];
        put?: never;
        /**
         * Add people directly
         * @description Puts people into the workspace without going through the identify rules, to arrange a test. Each
         *     identifier (`id`, `email`, `anonymous_id`, `cio_id`) must be free; a person without `cio_id` is given one.
         *     Either every person is added or, on any problem, none is.
         */
        post: operations["seedPeople"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__simulator/people/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find one person
         * @description Finds a person by exactly one of `id` (case-sensitive), `email` (case-insensitive where the workspace
         *     identifies people by email) or `cio_id` (with or without the `cio_` prefix). A lookup by `cio_id` also
         *     finds a deleted person; the other two find live people only, unless `include_deleted=true`, which falls
         *     back to the most recently created deleted person who held that id or email.
         */
        get: operations["lookupPerson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__simulator/people/{cio_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a person
         * @description Marks a live person as deleted and frees their identifiers, so that a later `cio_` reference to them is
         *     dropped (rule C8) and their id or email can be given to someone new. The record stays visible with
         *     `include_deleted=true`.
         */
        delete: operations["deletePerson"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__simulator/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the activity log, a page at a time
         * @description The activity log, oldest first (`order=desc`: newest first), a page at a time: pass the `next_cursor` of a
         *     page as `cursor`, with the same `order` and filters, to get the next one; the listing has ended when
         *     `next_cursor` is null. To follow the log, keep the `last_seq` of an answer and pass it as `since` later.
         *     The log keeps the newest entries only (10 000 by default).
         *
         *     A page holds at most `limit` entries and looks at no more than 20,000 entries, so a page of a rare `type`
         *     or `clause` may hold fewer than `limit` entries (even none) and still have a `next_cursor`.
         */
        get: operations["listActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__simulator/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the request log, a page at a time
         * @description The Track API requests the simulator received (not those to `/__simulator/`), each with the answer it
         *     gave, oldest first (`order=desc`: newest first), a page at a time: pass the `next_cursor` of a page as
         *     `cursor`, with the same `order`, to get the next one; the listing has ended when `next_cursor` is null.
         *     To follow the log, keep the `last_seq` of an answer and pass it as `since` later.
         *
         *     Every request gets a `seq` when it arrives; the activity entries it produced carry it as `request`. The
         *     log keeps the newest requests only (1000 by default, set by the simulator's `requestLogSize`), and bodies
         *     up to 64 KiB each. Credentials are never kept: `Authorization` and similar headers keep only their scheme
         *     (`Basic [redacted]`). This is what `cio-customers conformance --traffic` judges.
         */
        get: operations["listRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__simulator/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Empty the workspace
         * @description Removes every person, empties the activity log, restarts the cio_id counter and puts the settings back to
         *     the ones the simulator was started with. Seeded people given at start are not re-added.
         */
        post: operations["resetWorkspace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__simulator/settle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply every accepted call still waiting
         * @description With eventual processing (`processing: "eventual"`, `--processing eventual`), identify calls are
         *     answered `200 {}` when accepted and applied later. This applies every call still waiting, as a queue
         *     with parallel workers would (calls of one group are decided against the same state), and answers how
         *     many it applied. With immediate processing nothing waits, and `applied` is 0.
         */
        post: operations["settleWorkspace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__simulator/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the workspace settings
         * @description The settings that decide identity resolution (rules C6, C9, C10).
         */
        get: operations["getSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the workspace settings
         * @description Changes the named settings and keeps the others. Switching `identifiedBy` to `email_or_id` indexes the
         *     emails people already have; where two people share one, the older keeps it as an identifier.
         */
        patch: operations["updateSettings"];
        trace?: never;
    };
    "/__simulator/faults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the faults in force
         * @description The faults in force, in the order they are tried, with how often each has fired.
         */
        get: operations["listFaults"];
        put?: never;
        /**
         * Inject faults
         * @description Adds faults after those already in force; either every fault given is added or, on any problem, none.
         *     Faults apply to the Track API routes only (`/api/v1/customers/{identifier}` and
         *     `/api/v1/accounts/region`), never to these inspection routes. A request answered by a fault is not
         *     applied: the workspace and the activity log do not change (a `latency` fault only delays the request,
         *     which is then handled normally).
         *
         *     A fault fires on the next `times` matching requests; or with `probability` on each, drawn from a PRNG
         *     seeded with `seed` so that runs repeat exactly; or both; or, with neither, on every matching request
         *     until the faults are cleared. Faults are tried in order: every firing `latency` adds its delay, and the
         *     first other fault that fires answers the request.
         *
         *     Over a socket, `reset` destroys the connection before any answer, and `truncate` sends a
         *     `Content-Length` larger than the bytes that follow before closing the connection. `POST
         *     /__simulator/reset` removes injected faults and brings back those the simulator was started with.
         */
        post: operations["injectFaults"];
        /**
         * Remove every fault
         * @description Removes every fault in force, including those the simulator was started with.
         */
        delete: operations["clearFaults"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__simulator/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the request counters
         * @description Track API requests received, answered by a fault, delayed, and applied to the workspace, since the
         *     simulator started or was last reset. A test that retries through faults can check that each change was
         *     applied once: `applied` counts identify calls that reached the rules, one `request` number each in the
         *     activity log.
         */
        get: operations["getStats"];
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
        /** @description One boolean per topic, keyed `topic_<id>` (rule C14). */
        TopicPreferences: {
            [key: string]: boolean;
        };
        /** @description A relationship of the person to an object, named by type and id (rules C19, C20). */
        PersonRelationship: {
            /** @description The object's type, a whole number from 1 written as a string. */
            object_type_id: string;
            /** @description The object's id within its type. */
            object_id: string;
            /** @description Attributes of the relationship (rule C21). */
            attributes: {
                [key: string]: string | number | boolean;
            };
        };
        /** @description A person as the simulated workspace holds them. */
        PersonRecord: {
            /**
             * @description The workspace's internal id, without the `cio_` prefix.
             * @example 0300000000000001
             */
            cio_id: string;
            /** @description The person's id, if set. */
            id?: string;
            /** @description The person's email address as first given, if set. */
            email?: string;
            /** @description The anonymous id currently linked to the person, if any (rule C16). */
            anonymous_id?: string;
            /** @description Unix seconds, as last sent in `created_at` (rule C22). */
            created_at?: number;
            /** @description Custom attributes. Identifiers and the fields below are not repeated here. */
            attributes: {
                [key: string]: unknown;
            };
            topics: components["schemas"]["TopicPreferences"];
            /** @description Whether the person is unsubscribed from every message (rule C17). */
            unsubscribed: boolean;
            /** @description Relationships, in the order they were first added. */
            relationships: components["schemas"]["PersonRelationship"][];
            /** @description Whether the person was deleted. */
            deleted: boolean;
            /** @description The newest `_timestamp` applied to the person, if any. */
            last_timestamp?: number;
        };
        /** @description A list of people. */
        PersonList: {
            /** @description The people. */
            people: components["schemas"]["PersonRecord"][];
        };
        /** @description One page of people, oldest first. */
        PeoplePage: {
            /** @description The people. */
            people: components["schemas"]["PersonRecord"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            next_cursor: string | null;
        };
        /**
         * @description One thing that happened in the workspace. `attribute_update_failure`, `failed_attribute_change` and
         *     `request_dropped` record the parts of a `200` answer that were not applied.
         */
        ActivityEntry: {
            /** @description Position in the log, from 1; never reused until the workspace is reset. */
            seq: number;
            /** @description When it happened (its request was applied), in milliseconds of the simulator's clock. */
            at: number;
            /**
             * @description With eventual processing only: when the request behind the entry was received and answered
             *     `200 {}`, in milliseconds of the simulator's clock. `at` is when it was applied.
             */
            received_at?: number;
            type: components["schemas"]["ActivityType"];
            /** @description The rule that decided it (C1–C24), when one did. */
            clause?: string;
            /** @description The person concerned, when there is one. */
            cio_id?: string;
            /** @description Which identifier it concerns (`path`, `id`, `email`, `anonymous_id`), when it concerns one. */
            identifier?: string;
            /** @description For a conflict, the person who already holds the identifier. */
            conflicting_cio_id?: string;
            /**
             * @description The `seq` of the Track API request that caused it (see `GET /__simulator/requests`), shared by all
             *     entries of that request.
             */
            request?: number;
            /**
             * @description On `person_created` and `attributes_updated`: the identifiers and attributes whose value the request
             *     actually changed. Writing a value a person already has is not a change, so a request delivered twice
             *     (a retry after a timeout) shows an empty list the second time.
             */
            changed?: string[];
            /** @description Why, in words. */
            reason: string;
        };
        /**
         * @description What happened.
         * @enum {string}
         */
        ActivityType: "person_created" | "attributes_updated" | "attribute_update_failure" | "failed_attribute_change" | "request_dropped" | "person_deleted";
        /** @description One page of activity entries. */
        ActivityPage: {
            /** @description The entries, in the order asked for. */
            activity: components["schemas"]["ActivityEntry"][];
            /** @description The `seq` of the newest entry ever written (0 when none); pass it as `since` to follow the log. */
            last_seq: number;
            /** @description Pass as `cursor` for the next page; null on the last page. */
            next_cursor: string | null;
        };
        /** @description One Track API request as the simulator received it, with the answer it gave; credentials redacted. */
        RecordedRequest: {
            /** @description From 1 in order of arrival; activity entries name it as `request`. */
            seq: number;
            /**
             * Format: date-time
             * @description When it arrived, by the simulator's clock.
             */
            received_at: string;
            /**
             * Format: date-time
             * @description When it was answered, or failed; absent while it is in flight.
             */
            answered_at?: string;
            /**
             * @description The newest `seq` received when this request was answered: the requests with a greater `seq` up to this
             *     one arrived while it was in flight (they overlapped it).
             */
            last_seq_at_answer?: number;
            /** @example PUT */
            method: string;
            /**
             * @description The path as sent, percent-escapes kept.
             * @example /api/v1/customers/ada%40example.com
             */
            path: string;
            /** @description The query string without its `?`; empty when there was none. */
            query: string;
            /**
             * @description Header names in lower case, repeated fields joined with ", ". `Authorization`, `Proxy-Authorization`,
             *     `Cookie` and API-key headers keep only their scheme, such as `Basic [redacted]`.
             */
            headers: {
                [key: string]: string;
            };
            /** @description The body as UTF-8 text; null when it was answered without reading the body (a fault, a 401, a 413). */
            body: string | null;
            /** @description Present and true when the body was longer than the 64 KiB the log keeps. */
            body_truncated?: boolean;
            /** @description The answer; null when none was given (a `reset` fault) or it is in flight. */
            response: null | {
                status: number;
                content_type: string | null;
                body: string;
            };
            /** @description Why no answer was given, when none was. */
            error?: string;
        };
        /** @description One page of recorded requests. */
        RequestPage: {
            /** @description The requests, in the order asked for. */
            requests: components["schemas"]["RecordedRequest"][];
            /** @description The `seq` of the newest request received (0 when none); pass it as `since` to follow the log. */
            last_seq: number;
            /** @description Pass as `cursor` for the next page; null on the last page. */
            next_cursor: string | null;
        };
        /**
         * @description Settings of the simulated workspace that change identity resolution: Customer.io's own two, and the readings
         *     of three choices the endpoint's description leaves open (docs/simulator.md, "Open choices").
         */
        WorkspaceSettings: {
            /**
             * @description `email_or_id`: email addresses identify people, case-insensitively (rules C9, C10). `id`: only ids do;
             *     an email-shaped path is read as an id and `email` is a plain attribute.
             * @enum {string}
             */
            identifiedBy: "email_or_id" | "id";
            /** @description The setting "Allow updates to email using ID" (rule C6). */
            allowEmailUpdatesById: boolean;
            /**
             * @description When nobody holds the path identifier and the body's `id` and `email` name two different people: the
             *     person named by this one is updated and takes the path identifier (C3); the other identifier is logged
             *     as a C4 conflict. Default `id`.
             * @enum {string}
             */
            bodyIdentifierPrecedence: "id" | "email";
            /**
             * @description When the person found through the body (C3) already holds a different identifier of the path's kind:
             *     `false` (default) keeps theirs and logs a C5 failure; `true` gives them the path identifier instead.
             */
            pathReplacesSetIdentifier: boolean;
            /**
             * @description The anonymous ids of a deleted person: `reserved` (default) refuses them to anyone else, as C16 says
             *     the value is not reusable; `released` lets another person take them.
             * @enum {string}
             */
            deletedAnonymousIds: "reserved" | "released";
        };
        /** @description The settings to change; settings left out keep their value. */
        SettingsPatch: {
            /**
             * @description See WorkspaceSettings.
             * @enum {string}
             */
            identifiedBy?: "email_or_id" | "id";
            /** @description See WorkspaceSettings. */
            allowEmailUpdatesById?: boolean;
            /**
             * @description See WorkspaceSettings.
             * @enum {string}
             */
            bodyIdentifierPrecedence?: "id" | "email";
            /** @description See WorkspaceSettings. */
            pathReplacesSetIdentifier?: boolean;
            /**
             * @description See WorkspaceSettings.
             * @enum {string}
             */
            deletedAnonymousIds?: "reserved" | "released";
        };
        /** @description A person to put into the workspace directly. */
        SeedPerson: {
            /** @description The cio_id to give, with or without the `cio_` prefix; generated when left out. */
            cio_id?: string;
            /** @description The person's id. */
            id?: string;
            /**
             * Format: email
             * @description The person's email address.
             */
            email?: string;
            /** @description An anonymous id to link to the person. */
            anonymous_id?: string;
            /** @description Unix seconds. */
            created_at?: number;
            /** @description Whether the person is unsubscribed from every message. */
            unsubscribed?: boolean;
            /** @description Custom attributes; `null` and `""` values are left out, as an identify call would. */
            attributes?: {
                [key: string]: unknown;
            };
            topics?: components["schemas"]["TopicPreferences"];
        };
        /** @description People to add. */
        SeedRequest: {
            /**
             * @description The people, added in this order: at most 1000 per call, so that one call never holds up the other
             *     requests for long. Send a larger workspace in several calls.
             */
            people: components["schemas"]["SeedPerson"][];
        };
        /** @description An empty JSON object. */
        Empty: Record<string, never>;
        /** @description Fire on the next this many matching requests, then remove the fault. */
        FaultTimes: number;
        /** @description Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`. */
        FaultProbability: number;
        /** @description Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly. */
        FaultSeed: number;
        /**
         * @description The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`
         *     (`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is
         *     `identify`).
         * @enum {string}
         */
        FaultRoute: "identify" | "region" | "any";
        /** @description Waits before handling the request, which is then handled and applied normally. */
        LatencyFault: {
            /**
             * @description The kind of fault.
             * @constant
             */
            kind: "latency";
            /** @description Milliseconds to wait. */
            ms: number;
            times?: components["schemas"]["FaultTimes"];
            probability?: components["schemas"]["FaultProbability"];
            seed?: components["schemas"]["FaultSeed"];
            route?: components["schemas"]["FaultRoute"];
        };
        /** @description Answers with an error status and the JSON error envelope; nothing is applied. */
        StatusFault: {
            /**
             * @description The kind of fault.
             * @constant
             */
            kind: "status";
            /**
             * @description The status to answer.
             * @enum {integer}
             */
            status: 429 | 500 | 502 | 503 | 504;
            /** @description `Retry-After` in whole seconds. Default 1 for 429, none for the other statuses. */
            retryAfter?: number;
            times?: components["schemas"]["FaultTimes"];
            probability?: components["schemas"]["FaultProbability"];
            seed?: components["schemas"]["FaultSeed"];
            route?: components["schemas"]["FaultRoute"];
        };
        /**
         * @description Breaks the connection before any answer: over a socket it is reset; in-process the fetch rejects with a
         *     TypeError. Nothing is applied.
         */
        ResetFault: {
            /**
             * @description The kind of fault.
             * @constant
             */
            kind: "reset";
            times?: components["schemas"]["FaultTimes"];
            probability?: components["schemas"]["FaultProbability"];
            seed?: components["schemas"]["FaultSeed"];
            route?: components["schemas"]["FaultRoute"];
        };
        /**
         * @description Headers that promise a JSON body, then only half of it before the connection closes. Nothing is applied,
         *     even when the status is 200.
         */
        TruncateFault: {
            /**
             * @description The kind of fault.
             * @constant
             */
            kind: "truncate";
            /**
             * @description The status whose body is cut off. Default 200.
             * @enum {integer}
             */
            status?: 200 | 500 | 502 | 503;
            times?: components["schemas"]["FaultTimes"];
            probability?: components["schemas"]["FaultProbability"];
            seed?: components["schemas"]["FaultSeed"];
            route?: components["schemas"]["FaultRoute"];
        };
        /** @description A proxy's HTML error page (`text/html`) instead of JSON. Nothing is applied. */
        HtmlFault: {
            /**
             * @description The kind of fault.
             * @constant
             */
            kind: "html";
            /**
             * @description The status of the page. Default 502.
             * @enum {integer}
             */
            status?: 502 | 503 | 504;
            times?: components["schemas"]["FaultTimes"];
            probability?: components["schemas"]["FaultProbability"];
            seed?: components["schemas"]["FaultSeed"];
            route?: components["schemas"]["FaultRoute"];
        };
        /**
         * @description The redirect an EU workspace gets from the US host: `Location` is `to` followed by the request's own path
         *     and query. Nothing is applied here; the client is expected to repeat the request at `to`.
         */
        RedirectFault: {
            /**
             * @description The kind of fault.
             * @constant
             */
            kind: "redirect";
            /**
             * @description An http(s) origin, with an optional path prefix and no query.
             * @example https://track-eu.customer.io
             */
            to: string;
            /**
             * @description The redirect status. Default 301.
             * @enum {integer}
             */
            status?: 301 | 302 | 307 | 308;
            times?: components["schemas"]["FaultTimes"];
            probability?: components["schemas"]["FaultProbability"];
            seed?: components["schemas"]["FaultSeed"];
            route?: components["schemas"]["FaultRoute"];
        };
        /** @description One fault, by `kind`. */
        FaultSpec: components["schemas"]["LatencyFault"] | components["schemas"]["StatusFault"] | components["schemas"]["ResetFault"] | components["schemas"]["TruncateFault"] | components["schemas"]["HtmlFault"] | components["schemas"]["RedirectFault"];
        /** @description Faults to add. */
        FaultRequest: {
            /** @description The faults, tried in this order after those already in force. */
            faults: components["schemas"]["FaultSpec"][];
        };
        /** @description A fault in force. */
        ActiveFault: {
            /** @description Unique for the simulator's life. */
            id: number;
            spec: components["schemas"]["FaultSpec"];
            /** @description How many requests it has answered or delayed. */
            fired: number;
            /** @description Firings left, for a fault given `times`. */
            remaining?: number;
        };
        /** @description Faults in force, in the order they are tried. */
        FaultList: {
            /** @description The faults. */
            faults: components["schemas"]["ActiveFault"][];
        };
        /** @description Firings per kind of fault. */
        FaultCounts: {
            /** @description Requests delayed. */
            latency: number;
            /** @description Error statuses answered. */
            status: number;
            /** @description Connections broken. */
            reset: number;
            /** @description Bodies cut off. */
            truncate: number;
            /** @description HTML error pages answered. */
            html: number;
            /** @description Redirects answered. */
            redirect: number;
        };
        /** @description Request counters since the simulator started or was last reset. */
        SimulatorStats: {
            /** @description Track API requests received, faulted or not. */
            received: number;
            /** @description Identify calls applied to the workspace (each has one `request` number in the activity log). */
            applied: number;
            /** @description Requests answered by a fault (a delay alone does not count). */
            faulted: number;
            /** @description Requests delayed by a `latency` fault. */
            delayed: number;
            byKind: components["schemas"]["FaultCounts"];
        };
        /** @description The same envelope as the Track API's errors. */
        ErrorEnvelope: {
            /** @description One message as `error`, several as `errors`. */
            meta: {
                /** @description One message. */
                error?: string;
                /** @description Several messages, one per problem. */
                errors?: string[];
            };
            /**
             * @description Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's
             *     answers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.
             *     Clients that read only `meta` see Customer.io's envelope.
             */
            problems?: components["schemas"]["Problem"][];
        };
        Settled: {
            /** @description Identify calls applied by this request. */
            applied: number;
            /** @description Calls still waiting afterwards (0, unless calls arrived meanwhile). */
            pending: number;
        };
        /** @description One problem of a request, in the shape used across the project. */
        Problem: {
            /** @description Stable and machine-readable, in snake_case. */
            code: string;
            /** @description Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`). */
            path: (string | number)[];
            /** @description For people; names the element, never its value. */
            message: string;
            /**
             * @description What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation
             *     (`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own
             *     bound (`bound`).
             * @enum {string}
             */
            source?: "seed" | "customerio" | "lint" | "bound";
        };
    };
    responses: {
        /** @description The query or body broke the schema. The envelope names each problem. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The Basic credentials were missing or wrong. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Nobody matched. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description An identifier of a person to add is already held by someone in the workspace or in the same request
         *     (`identifier_taken`), or the workspace was reset, from code in the simulator's process, while the batch was
         *     being added (`workspace_reset`). Either way nobody from the request is in the workspace.
         */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
    };
    parameters: {
        /** @description The most items one page holds. */
        Limit: number;
        /**
         * @description The `next_cursor` of the page before, as it came. A cursor given before the workspace was reset is
         *     refused (400).
         */
        Cursor: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type TopicPreferences = components['schemas']['TopicPreferences'];
export type PersonRelationship = components['schemas']['PersonRelationship'];
export type PersonRecord = components['schemas']['PersonRecord'];
export type PersonList = components['schemas']['PersonList'];
export type PeoplePage = components['schemas']['PeoplePage'];
export type ActivityEntry = components['schemas']['ActivityEntry'];
export type ActivityType = components['schemas']['ActivityType'];
export type ActivityPage = components['schemas']['ActivityPage'];
export type RecordedRequest = components['schemas']['RecordedRequest'];
export type RequestPage = components['schemas']['RequestPage'];
export type WorkspaceSettings = components['schemas']['WorkspaceSettings'];
export type SettingsPatch = components['schemas']['SettingsPatch'];
export type SeedPerson = components['schemas']['SeedPerson'];
export type SeedRequest = components['schemas']['SeedRequest'];
export type Empty = components['schemas']['Empty'];
export type FaultTimes = components['schemas']['FaultTimes'];
export type FaultProbability = components['schemas']['FaultProbability'];
export type FaultSeed = components['schemas']['FaultSeed'];
export type FaultRoute = components['schemas']['FaultRoute'];
export type LatencyFault = components['schemas']['LatencyFault'];
export type StatusFault = components['schemas']['StatusFault'];
export type ResetFault = components['schemas']['ResetFault'];
export type TruncateFault = components['schemas']['TruncateFault'];
export type HtmlFault = components['schemas']['HtmlFault'];
export type RedirectFault = components['schemas']['RedirectFault'];
export type FaultSpec = components['schemas']['FaultSpec'];
export type FaultRequest = components['schemas']['FaultRequest'];
export type ActiveFault = components['schemas']['ActiveFault'];
export type FaultList = components['schemas']['FaultList'];
export type FaultCounts = components['schemas']['FaultCounts'];
export type SimulatorStats = components['schemas']['SimulatorStats'];
export type ErrorEnvelope = components['schemas']['ErrorEnvelope'];
export type Settled = components['schemas']['Settled'];
export type Problem = components['schemas']['Problem'];
export type ResponseBadRequest = components['responses']['BadRequest'];
export type ResponseUnauthorized = components['responses']['Unauthorized'];
export type ResponseNotFound = components['responses']['NotFound'];
export type ResponseConflict = components['responses']['Conflict'];
export type ParameterLimit = components['parameters']['Limit'];
export type ParameterCursor = components['parameters']['Cursor'];
export type $defs = Record<string, never>;
export interface operations {
    listPeople: {
        parameters: {
            query?: {
                /** @description The most items one page holds. */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description The `next_cursor` of the page before, as it came. A cursor given before the workspace was reset is
                 *     refused (400).
                 */
                cursor?: components["parameters"]["Cursor"];
                /** @description An exact cio_id, id or email address. */
                q?: string;
                /** @description Also list people who were deleted (their identifiers are free again). */
                include_deleted?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of people. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PeoplePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    seedPeople: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The people to add. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["SeedRequest"];
            };
        };
        responses: {
            /** @description The people as stored, in the order given. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
        };
    };
    lookupPerson: {
        parameters: {
            query?: {
                /** @description Let `id` and `email` lookups find a deleted person when no live one matches. */
                include_deleted?: boolean;
                /** @description The person's id. */
                id?: string;
                /** @description The person's email address. */
                email?: string;
                /** @description The person's cio_id, with or without the `cio_` prefix. */
                cio_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The person. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonRecord"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    deletePerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The person's cio_id, with or without the `cio_` prefix. */
                cio_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The person as deleted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonRecord"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listActivity: {
        parameters: {
            query?: {
                /** @description The most items one page holds. */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description The `next_cursor` of the page before, as it came. A cursor given before the workspace was reset is
                 *     refused (400).
                 */
                cursor?: components["parameters"]["Cursor"];
                /** @description Only entries whose `seq` is greater than this. */
                since?: number;
                /** @description `asc`: oldest first; `desc`: newest first. */
                order?: "asc" | "desc";
                /** @description Only entries of this type. */
                type?: components["schemas"]["ActivityType"];
                /** @description Only entries decided by this rule. */
                clause?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of entries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    listRequests: {
        parameters: {
            query?: {
                /** @description The most items one page holds. */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description The `next_cursor` of the page before, as it came. A cursor given before the workspace was reset is
                 *     refused (400).
                 */
                cursor?: components["parameters"]["Cursor"];
                /** @description Only requests whose `seq` is greater than this. */
                since?: number;
                /** @description `asc`: oldest first; `desc`: newest first. */
                order?: "asc" | "desc";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of recorded requests. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    resetWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workspace is empty. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    settleWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The waiting calls were applied. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Settled"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    getSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceSettings"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    updateSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The settings to change. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["SettingsPatch"];
            };
        };
        responses: {
            /** @description The settings after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceSettings"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    listFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The faults. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultList"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    injectFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The faults to add, in the order they should be tried. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["FaultRequest"];
            };
        };
        responses: {
            /** @description Every fault now in force, the new ones last. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    clearFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No fault is in force. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultList"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    getStats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The counters. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SimulatorStats"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
}
