/**
 * Generated from openapi/customers.yaml by `npm run generate`. Do not edit: change the document and regenerate.
 * The document with every $ref resolved, for runtime validation.
 */

import type { OpenApiDocument } from "./document-type.js";

const document: OpenApiDocument = {
  "x-generated": "Generated from openapi/customers.yaml by `npm run generate`. Do not edit: change the document and regenerate.",
  "openapi": "3.1.0",
  "info": {
    "title": "Customer.io Track API — add or update a person",
    "version": "0.1.0",
    "summary": "One endpoint of Customer.io's Track API, described precisely enough to generate clients, simulators and checks.",
    "description": "This document describes `PUT /api/v1/customers/{identifier}` of Customer.io's Track API, the call that\ncreates a person or changes one, and `GET /api/v1/accounts/region`, which tells a client which data center\n(and so which host) serves the workspace. It is the single source of truth of the `cio-customers` project: the\nTypeScript types, the request validator, the reference simulator and the conformance suite are all\nderived from it.\n\nThe endpoint does very little validation of its own. A well-formed request is usually answered\n`200 {}` even when the workspace then refuses part of it (an identifier that belongs to someone else,\na `_update` that finds nobody, a `cio_` reference to a deleted person). Such outcomes are visible only\nin the workspace's activity log. People lists the rules (C1–C24) and this document's sources.\n",
    "license": {
      "name": "MIT",
      "identifier": "MIT"
    }
  },
  "servers": [
    {
      "url": "https://track.customer.io",
      "description": "United States data center (the default)"
    },
    {
      "url": "https://track-eu.customer.io",
      "description": "European Union data center. Workspaces created in the EU must use this host."
    }
  ],
  "security": [
    {
      "trackBasicAuth": []
    }
  ],
  "tags": [
    {
      "name": "Account",
      "description": "Facts about the workspace the credentials belong to, such as the data center that holds it."
    },
    {
      "name": "People",
      "description": "Create people and change their identifiers, attributes, subscription preferences and relationships.\n\n`PUT /api/v1/customers/{identifier}` decides which person a request is about, and what it changes, by the\nrules below. Each rule has an id that the simulator, the conformance checks and the README cite.\n\n**Identity resolution**\n\n- **C1 create.** Without a `cio_` reference, when neither the path identifier nor any identifier in\n  the body belongs to a person, a new person is created.\n- **C2 update by path.** When a person already holds the path identifier, that person is updated.\n- **C3 adopt the path identifier.** When the path identifier belongs to nobody but an identifier in the\n  body belongs to a person, that person is updated and receives the path identifier.\n- **C4 conflict.** When the path identifier and a body identifier belong to two different people, the\n  call can still answer `200`, but the body identifier is not applied and the activity log records an\n  \"Attribute Update Failure\" for it.\n- **C5 changing a set identifier.** Once a person's `id` or `email` is set, it can only be changed by a\n  request whose path is `cio_<cio_id>`.\n- **C6 email by id.** Exception to C5: with the workspace setting \"Allow updates to email using ID\"\n  turned on, a person referenced by `id` can have their `email` changed.\n- **C7 `cio_` reference.** A path of `cio_<cio_id>` updates that person, identifiers in the body included.\n- **C8 unknown or deleted `cio_`.** When the `cio_id` does not exist, or belongs to a deleted person, the\n  request is dropped and nothing changes.\n- **C9 email ignores case.** In workspaces that identify people by email, `person@example.com` and\n  `PERSON@example.com` are the same person.\n- **C10 identifier forms.** The path holds an `id`, an email address, or `cio_<cio_id>`, as the\n  workspace's settings allow. A `cio_id` must carry the `cio_` prefix.\n- **C11 setting an id by email.** A person referenced by email may be given an `id`; an `id` that is\n  already set changes only through a `cio_` reference.\n\n**Request**\n\n- **C12 content type.** The body is JSON, sent with `Content-Type: application/json`.\n- **C13 email attribute.** `email` in the body is the person's email address.\n\n**Attributes**\n\n- **C14 subscription preferences.** `cio_subscription_preferences.topics` stores one boolean per topic.\n- **C15 one topic by dot notation.** A key `cio_subscription_preferences.topics.topic_<id>` changes that\n  topic and keeps the others, whereas the object form replaces the preferences it names.\n- **C16 anonymous_id.** Links events that carry the same anonymous value to the person; a value held by\n  one person is never given to another.\n- **C17 unsubscribed.** `true` unsubscribes the person from every message; `false` or absent leaves them\n  to their subscription preferences.\n- **C18 relationship action.** `cio_relationships.action` adds the listed relationships or removes them.\n- **C19 relationship identifiers.** Each relationship names an object by `object_type_id` and\n  `object_id`, both required; an existing `object_id` refers to that object.\n- **C20 object type ids.** `object_type_id` is a string holding a whole number from 1 upwards.\n- **C21 relationship attributes.** Attributes of the relationship itself; `null` or `\"\"` removes one.\n- **C22 created_at.** The Unix time, in whole seconds, at which the person was created.\n\n**`_update`**\n\n- **C23 no create.** With `_update: true` no person is ever created, even when the path identifier is\n  unknown.\n- **C24 failed attribute change.** With `_update: true`, identifiers that belong to no existing person\n  produce a \"Failed Attribute Change\" entry in the activity log, and nothing is created.\n\n**Limits** (Customer.io documentation). A person's id and an attribute name are at most 150 bytes of UTF-8;\nan attribute value is at most 1000 bytes; a person, and one call, carry at most 300 unique attributes.\nTimes are Unix seconds: a value in milliseconds or an ISO date is stored but is useless as a time.\nCustomer.io documents no limit on the size of the whole body.\n\n**Sources.** Every statement of this document rests on one of three sources: the endpoint's requirement\nas the project received it (the rules above say it in the project's words), Customer.io's own\ndocumentation of the Track API (see its link), or an observation of the live service. Where a statement rests on observation, or on\nnothing Customer.io publishes, its text says so with the words **Observed** or **Unverified**, and the\nelement carries `x-evidence: observed` or `x-evidence: unverified` for tools. Choices this document makes\nwhere Customer.io is silent are called choices. The limits that Customer.io documents are listed once, as\nnumbers, in `x-limits` at the root of this document; the schemas repeat them as `maxLength`,\n`maxProperties` and `propertyNames`, which count characters where Customer.io counts UTF-8 bytes.\n"
    }
  ],
  "externalDocs": {
    "description": "Customer.io's reference of the Track API",
    "url": "https://docs.customer.io/api/track/"
  },
  "paths": {
    "/api/v1/customers/{identifier}": {
      "put": {
        "operationId": "identify",
        "tags": [
          "People"
        ],
        "summary": "Add or update a person",
        "description": "Creates a person, or updates the person that the path identifier (and, failing that, the identifiers\nin the body) resolves to, and sets the attributes in the body. The answer is `200 {}` even when part\nof the request is refused; the rules C1–C24 under People say which person is meant and what is applied.\nPut the identifier in the path URL-encoded exactly once: `a+b@example.com` travels as\n`a%2Bb%40example.com`.\n",
        "externalDocs": {
          "description": "Customer.io's reference of this call",
          "url": "https://docs.customer.io/api/track/#operation/identify"
        },
        "x-codeSamples": [
          {
            "lang": "Shell",
            "label": "curl",
            "source": "curl -X PUT 'https://track.customer.io/api/v1/customers/a%2Bb%40example.com' \\\n  -u \"$CIO_SITE_ID:$CIO_API_KEY\" \\\n  -H 'Content-Type: application/json' \\\n  -d '{\"first_name\": \"Ada\", \"created_at\": 1700000000, \"cio_subscription_preferences.topics.topic_3\": false}'\n"
          },
          {
            "lang": "TypeScript",
            "label": "TypeScript",
            "source": "import { createCustomersClient, setTopics } from \"cio-customers\";\n\nconst customers = createCustomersClient({\n  siteId: process.env.CIO_SITE_ID ?? \"\",\n  apiKey: process.env.CIO_API_KEY ?? \"\",\n  region: \"us\",\n});\n\n// The client encodes the identifier once: a+b@example.com travels as a%2Bb%40example.com.\nawait customers.identify({ email: \"a+b@example.com\" }, {\n  first_name: \"Ada\",\n  created_at: new Date(\"2023-11-14T22:13:20Z\"),\n  ...setTopics({ 3: false }),\n});\n"
          }
        ],
        "parameters": [
          {
            "name": "identifier",
            "in": "path",
            "required": true,
            "description": "The person this request is about, in one of three forms (rule C10):\n\n- an **id**, the workspace's own identifier for the person (case-sensitive);\n- an **email address**, in workspaces that identify people by email (case-insensitive, rule C9);\n- **`cio_<cio_id>`**, Customer.io's internal identifier with the `cio_` prefix. Only this form can\n  change an `id` or `email` that is already set (rules C5, C7). A `cio_id` that does not exist, or\n  belongs to a deleted person, makes the server drop the request (rule C8).\n\nThe server decides the form from the value's shape; a phone number in the path is treated as an id.\nURL-encode the value exactly once as one path segment (`encodeURIComponent` in JavaScript):\n`a+b@example.com` travels as `a%2Bb%40example.com` and `ops/team#1` as `ops%2Fteam%231`. If your HTTP\nclient inserts path parameters without encoding them, encode the value yourself before passing it;\nif it encodes them, pass the value as it is.\n\nCustomer.io documents that a person's id is at most 150 bytes of UTF-8. This document applies that\nbound to every form of the path identifier, a choice: Customer.io documents no separate limit for an\nemail address or a `cio_id` in the path.\n",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 150
            },
            "examples": {
              "id": {
                "summary": "An id",
                "value": "user-5678"
              },
              "email": {
                "summary": "An email address",
                "value": "ada@example.com"
              },
              "cioId": {
                "summary": "A cio_id with its prefix",
                "value": "cio_03000001a2b3c4d5"
              }
            }
          }
        ],
        "requestBody": {
          "required": true,
          "description": "The attributes to set on the person. Every field is optional, and any other key is stored as a custom\nattribute. An empty object `{}` is a valid body.\n",
          "content": {
            "application/json": {
              "schema": {
                "description": "Attributes of a person: the fields that have a meaning to Customer.io (`DeclaredAttributes`), and any\nother key as a custom attribute (`CustomAttributes`). Both parts describe the same JSON object.\n",
                "allOf": [
                  {
                    "type": "object",
                    "description": "The attributes that have a meaning to Customer.io. Every one is optional.",
                    "properties": {
                      "id": {
                        "type": "string",
                        "minLength": 1,
                        "maxLength": 150,
                        "description": "The workspace's own identifier for the person (case-sensitive, at most 150 bytes of UTF-8). A person\nreferenced by email in the path may be given an id (C11); an id that is already set changes only\nwhen the path is `cio_<cio_id>` (C5, C7).\n",
                        "examples": [
                          "user-5678"
                        ]
                      },
                      "email": {
                        "type": "string",
                        "format": "email",
                        "maxLength": 1000,
                        "description": "The person's email address (C13). Where the workspace identifies people by email it is an\nidentifier and case-insensitive (C9). Once set it changes only through a `cio_` reference (C5),\nor by id when \"Allow updates to email using ID\" is on (C6). Like any attribute value it is at most\n1000 bytes.\n",
                        "examples": [
                          "ada@example.com"
                        ]
                      },
                      "anonymous_id": {
                        "type": "string",
                        "maxLength": 1000,
                        "description": "An anonymous value such as a cookie id. Events that carry it are attributed to this person. A value\nbelongs to one person only and cannot be reused by another (C16). Like any attribute value it is at\nmost 1000 bytes.\n",
                        "examples": [
                          "anon-2f6c9b"
                        ]
                      },
                      "created_at": {
                        "type": "integer",
                        "minimum": 0,
                        "description": "When the person was created, as Unix time in whole **seconds** (C22). Customer.io stores a value in\nmilliseconds, but it is then useless as a time. A negative time is refused, a choice of this document.\n",
                        "examples": [
                          1700000000
                        ]
                      },
                      "_update": {
                        "type": "boolean",
                        "description": "When `true`, the call only updates: no person is created even if the path identifier is unknown\n(C23), and identifiers that match nobody are logged as a \"Failed Attribute Change\" (C24). Use it\nwhen rapid successive calls could otherwise create duplicate profiles.\n"
                      },
                      "_timestamp": {
                        "type": "integer",
                        "minimum": 0,
                        "description": "Unix time in whole seconds that orders attribute updates sent in rapid succession for one person.\nCustomer.io's published document declares it; the requirement this project follows does not. A\nnegative time is refused, a choice of this document.\n",
                        "examples": [
                          1700000500
                        ]
                      },
                      "unsubscribed": {
                        "description": "`true` unsubscribes the person from every message; `false` or absent leaves them eligible as their\nsubscription preferences say (C17). Send a boolean. Customer.io's published document also reads\n`\"true\"` in any case, `1` and `\"1\"` as true, and any other string or number as false.\n",
                        "anyOf": [
                          {
                            "type": "boolean"
                          },
                          {
                            "type": "string",
                            "maxLength": 1000
                          },
                          {
                            "type": "integer"
                          }
                        ],
                        "examples": [
                          true
                        ]
                      },
                      "cio_subscription_preferences": {
                        "type": "object",
                        "description": "The person's subscription preferences (C14). Sending this object replaces the preferences it names:\na topic left out of `topics` reverts to the workspace's default (Customer.io documents the same for a\ntopic sent with an empty value; this document takes booleans only, so leave a topic out to revert it).\nTo change one topic and keep the others, use the dot-notation key instead (C15). People set these\nthemselves through the subscription center; this field sets them from outside it.\n",
                        "additionalProperties": false,
                        "properties": {
                          "topics": {
                            "type": "object",
                            "description": "One boolean per topic, keyed `topic_<id>`; `true` subscribes, `false` unsubscribes.",
                            "propertyNames": {
                              "pattern": "^topic_[1-9][0-9]*$"
                            },
                            "additionalProperties": {
                              "type": "boolean"
                            },
                            "examples": [
                              {
                                "topic_1": true,
                                "topic_7": false
                              }
                            ]
                          }
                        }
                      },
                      "cio_relationships": {
                        "type": "object",
                        "description": "Relationships between the person and objects (non-person entities such as companies or courses). The\n`action` decides whether the listed relationships are added or removed (C18). This document requires\n`relationships`, a choice: neither Customer.io nor the requirement says whether it may be left out.\n",
                        "required": [
                          "relationships"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "action": {
                            "type": "string",
                            "enum": [
                              "add_relationships",
                              "delete_relationships"
                            ],
                            "description": "`add_relationships` relates the person to each listed object; `delete_relationships` removes those\nrelationships. Neither Customer.io nor the requirement says what a missing `action` means: send it.\n"
                          },
                          "relationships": {
                            "type": "array",
                            "description": "One entry per object to relate to, or to stop relating to.",
                            "items": {
                              "type": "object",
                              "description": "One relationship between the person and an object.",
                              "required": [
                                "identifiers"
                              ],
                              "additionalProperties": false,
                              "properties": {
                                "identifiers": {
                                  "type": "object",
                                  "description": "The object: by its type and its id, both required together (C19), or by `cio_object_id`, the id\nCustomer.io gave it (Customer.io documentation).\n",
                                  "minProperties": 1,
                                  "additionalProperties": false,
                                  "dependentRequired": {
                                    "object_type_id": [
                                      "object_id"
                                    ],
                                    "object_id": [
                                      "object_type_id"
                                    ]
                                  },
                                  "properties": {
                                    "object_type_id": {
                                      "type": "string",
                                      "pattern": "^[1-9][0-9]*$",
                                      "description": "The object's type, as a string holding a whole number. Types are numbered from 1 in the order the\nworkspace created them, for example \"1\" for Companies (C20). Sent with `object_id`.\n",
                                      "examples": [
                                        "1"
                                      ]
                                    },
                                    "object_id": {
                                      "type": "string",
                                      "minLength": 1,
                                      "description": "The object's own id within its type. An id that already exists refers to that object; a new one\ncreates it (C19). Sent with `object_type_id`.\n",
                                      "examples": [
                                        "acme"
                                      ]
                                    },
                                    "cio_object_id": {
                                      "type": "string",
                                      "minLength": 1,
                                      "description": "Customer.io's own id of the object, instead of `object_type_id` and `object_id`."
                                    }
                                  }
                                },
                                "relationship_attributes": {
                                  "type": "object",
                                  "description": "Attributes of the relationship itself, such as a role. `null` or `\"\"` removes that attribute from\nthe relationship (C21). Workspaces without relationship attributes accept and ignore them. This\ndocument applies the name and value limits of a person's attributes to them, a choice.\n",
                                  "propertyNames": {
                                    "minLength": 1,
                                    "maxLength": 150
                                  },
                                  "additionalProperties": {
                                    "anyOf": [
                                      {
                                        "type": "string",
                                        "maxLength": 1000
                                      },
                                      {
                                        "type": "number"
                                      },
                                      {
                                        "type": "boolean"
                                      },
                                      {
                                        "type": "null"
                                      }
                                    ]
                                  }
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                  },
                  {
                    "type": "object",
                    "description": "Custom attributes: any key other than the declared ones. A name is 1 to 150 bytes of UTF-8 and\ncase-sensitive; names starting with `_` are reserved for Customer.io; a call carries at most 300\nattributes (Customer.io documentation). A key `cio_subscription_preferences.topics.topic_<id>` is not\na custom attribute but one topic preference in dot notation (C15), and takes a boolean.\n",
                    "maxProperties": 300,
                    "propertyNames": {
                      "minLength": 1,
                      "maxLength": 150
                    },
                    "patternProperties": {
                      "^cio_subscription_preferences\\.topics\\.topic_[1-9][0-9]*$": {
                        "type": "boolean",
                        "description": "Dot notation for one topic, for example `\"cio_subscription_preferences.topics.topic_3\": false`. Only\nthat topic changes; the other topics keep their values (C15).\n"
                      }
                    },
                    "additionalProperties": {
                      "description": "The value of a custom attribute. Customer.io's published document allows a string, an integer or a\nboolean. This document also allows a fractional number, `null`, an array and an object, a choice:\nthe platform is believed to store them (**Unverified**). A value is at most 1000 bytes (Customer.io\ndocumentation); an array or object is measured written as JSON, a choice. **Unverified**: `null` or\n`\"\"` removes the attribute from the person.\n",
                      "anyOf": [
                        {
                          "type": "string",
                          "maxLength": 1000
                        },
                        {
                          "type": "number"
                        },
                        {
                          "type": "boolean"
                        },
                        {
                          "type": "null"
                        },
                        {
                          "type": "array",
                          "items": {}
                        },
                        {
                          "type": "object",
                          "additionalProperties": {}
                        }
                      ]
                    }
                  }
                ]
              },
              "examples": {
                "create": {
                  "summary": "Create a person (path id user-5678)",
                  "description": "Neither the path id nor the email belongs to anyone yet, so a person is created (C1).",
                  "value": {
                    "email": "ada@example.com",
                    "created_at": 1700000000,
                    "first_name": "Ada",
                    "plan": "premium"
                  }
                },
                "update": {
                  "summary": "Update a person (path id user-5678)",
                  "description": "The path id belongs to a person, who is updated (C2). Other attributes are kept.",
                  "value": {
                    "plan": "enterprise",
                    "seats": 12,
                    "trial": false
                  }
                },
                "byEmail": {
                  "summary": "Identify by email and set an id (path ada@example.com)",
                  "description": "The path is an email address. The person with that email (in any case) is updated and, if they\nhave no id yet, given one (C9, C11).\n",
                  "value": {
                    "id": "user-5678",
                    "last_login": 1700003600
                  }
                },
                "byCioId": {
                  "summary": "Update through a cio_ reference (path cio_03000001a2b3c4d5)",
                  "description": "The person with that cio_id is updated. An unknown or deleted cio_id drops the request (C7, C8).",
                  "value": {
                    "plan": "basic"
                  }
                },
                "changeIdentifiers": {
                  "summary": "Change a set id and email (path cio_03000001a2b3c4d5)",
                  "description": "Identifiers that are already set change only through a cio_ reference (C5, C7).",
                  "value": {
                    "id": "user-9999",
                    "email": "ada.lovelace@example.com"
                  }
                },
                "updateOnly": {
                  "summary": "Update without ever creating (path user-5678)",
                  "description": "With _update true, a person is never created. If nobody holds the identifiers, the activity log\nrecords a Failed Attribute Change (C23, C24).\n",
                  "value": {
                    "_update": true,
                    "plan": "enterprise"
                  }
                },
                "timestamped": {
                  "summary": "Order rapid updates with _timestamp (path user-5678)",
                  "description": "Updates sent in rapid succession are ordered by their _timestamp.",
                  "value": {
                    "_timestamp": 1700000500,
                    "plan": "premium"
                  }
                },
                "topicsByObject": {
                  "summary": "Replace the topic preferences (path user-5678)",
                  "description": "The object form replaces the preferences it names; topics left out return to their defaults (C14).",
                  "value": {
                    "cio_subscription_preferences": {
                      "topics": {
                        "topic_1": true,
                        "topic_7": false
                      }
                    }
                  }
                },
                "topicsByDotNotation": {
                  "summary": "Change one topic and keep the others (path user-5678)",
                  "description": "The dot-notation key changes topic 3 only (C15).",
                  "value": {
                    "cio_subscription_preferences.topics.topic_3": false
                  }
                },
                "addRelationships": {
                  "summary": "Relate the person to objects (path user-5678)",
                  "description": "Adds relationships to two objects of type 1, one with relationship attributes (C18–C21).",
                  "value": {
                    "cio_relationships": {
                      "action": "add_relationships",
                      "relationships": [
                        {
                          "identifiers": {
                            "object_type_id": "1",
                            "object_id": "acme"
                          },
                          "relationship_attributes": {
                            "role": "admin"
                          }
                        },
                        {
                          "identifiers": {
                            "object_type_id": "1",
                            "object_id": "globex"
                          }
                        }
                      ]
                    }
                  }
                },
                "deleteRelationships": {
                  "summary": "Remove a relationship (path user-5678)",
                  "description": "Removes the person's relationship to the object acme of type 1 (C18).",
                  "value": {
                    "cio_relationships": {
                      "action": "delete_relationships",
                      "relationships": [
                        {
                          "identifiers": {
                            "object_type_id": "1",
                            "object_id": "acme"
                          }
                        }
                      ]
                    }
                  }
                },
                "unsubscribe": {
                  "summary": "Unsubscribe from all messages (path user-5678)",
                  "description": "The person stops receiving messages whatever their topic preferences say (C17).",
                  "value": {
                    "unsubscribed": true
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The request was accepted. The body is always `{}`: it does not say whether a conflicting identifier\nwas refused (C4), a `_update` found nobody (C24) or a `cio_` request was dropped (C8). Only the\nactivity log shows those. **Observed**: the live service sends it with\n`Content-Type: application/json; charset=utf-8`.\n",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "An empty JSON object. The endpoint answers it whether or not every change was applied.",
                  "additionalProperties": false
                },
                "examples": {
                  "accepted": {
                    "summary": "Accepted",
                    "value": {}
                  }
                }
              }
            }
          },
          "301": {
            "description": "The workspace lives in the other data center. Customer.io documents that traffic for an EU workspace\nsent to the US host is redirected to the EU host; **Unverified**: which status it uses (301, 307 and 308\nare declared alike). A client must repeat the PUT with its body and credentials, which most HTTP stacks\ndrop on a cross-origin redirect; asking `GET /api/v1/accounts/region` once avoids the redirect.\n",
            "x-evidence": "unverified",
            "headers": {
              "Location": {
                "description": "Where to send the request instead, on the host of the workspace's data center.",
                "schema": {
                  "type": "string",
                  "format": "uri",
                  "examples": [
                    "https://track-eu.customer.io/api/v1/customers/user-5678"
                  ]
                }
              }
            }
          },
          "307": {
            "description": "The workspace lives in the other data center. Customer.io documents that traffic for an EU workspace\nsent to the US host is redirected to the EU host; **Unverified**: which status it uses (301, 307 and 308\nare declared alike). A client must repeat the PUT with its body and credentials, which most HTTP stacks\ndrop on a cross-origin redirect; asking `GET /api/v1/accounts/region` once avoids the redirect.\n",
            "x-evidence": "unverified",
            "headers": {
              "Location": {
                "description": "Where to send the request instead, on the host of the workspace's data center.",
                "schema": {
                  "type": "string",
                  "format": "uri",
                  "examples": [
                    "https://track-eu.customer.io/api/v1/customers/user-5678"
                  ]
                }
              }
            }
          },
          "308": {
            "description": "The workspace lives in the other data center. Customer.io documents that traffic for an EU workspace\nsent to the US host is redirected to the EU host; **Unverified**: which status it uses (301, 307 and 308\nare declared alike). A client must repeat the PUT with its body and credentials, which most HTTP stacks\ndrop on a cross-origin redirect; asking `GET /api/v1/accounts/region` once avoids the redirect.\n",
            "x-evidence": "unverified",
            "headers": {
              "Location": {
                "description": "Where to send the request instead, on the host of the workspace's data center.",
                "schema": {
                  "type": "string",
                  "format": "uri",
                  "examples": [
                    "https://track-eu.customer.io/api/v1/customers/user-5678"
                  ]
                }
              }
            }
          },
          "400": {
            "description": "The request was malformed, or broke a documented limit. The envelope names the problem. **Observed**:\nthe example below was seen from the live service; Customer.io documents neither the envelope nor the\nwording of its messages.\n",
            "x-evidence": "observed",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "Customer.io's error envelope for the Track API (**Observed**). A single message arrives as `meta.error`,\nseveral as `meta.errors`.\n",
                  "required": [
                    "meta"
                  ],
                  "properties": {
                    "meta": {
                      "type": "object",
                      "minProperties": 1,
                      "properties": {
                        "error": {
                          "type": "string",
                          "description": "One message."
                        },
                        "errors": {
                          "type": "array",
                          "description": "Several messages, one per problem.",
                          "items": {
                            "type": "string"
                          }
                        }
                      }
                    }
                  }
                },
                "examples": {
                  "tooLong": {
                    "summary": "A value over the limit",
                    "value": {
                      "meta": {
                        "errors": [
                          "value for attribute 'myAttribute' cannot be longer than 1000 bytes"
                        ]
                      }
                    }
                  }
                }
              }
            }
          },
          "401": {
            "description": "The site ID and API key were missing or refused (Customer.io documentation). **Observed**: the body has\nbeen plain text, `Unauthorized request`. **Unverified**: whether it is now a JSON envelope; clients\nshould read both.\n",
            "x-evidence": "observed",
            "content": {
              "text/plain": {
                "schema": {
                  "type": "string"
                },
                "examples": {
                  "plain": {
                    "summary": "Plain text",
                    "value": "Unauthorized request"
                  }
                }
              },
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "Customer.io's error envelope for the Track API (**Observed**). A single message arrives as `meta.error`,\nseveral as `meta.errors`.\n",
                  "required": [
                    "meta"
                  ],
                  "properties": {
                    "meta": {
                      "type": "object",
                      "minProperties": 1,
                      "properties": {
                        "error": {
                          "type": "string",
                          "description": "One message."
                        },
                        "errors": {
                          "type": "array",
                          "description": "Several messages, one per problem.",
                          "items": {
                            "type": "string"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "429": {
            "description": "Too many requests. Customer.io publishes a fair-use rate rather than a hard limit, and documents no\nrate-limit headers. **Unverified**: whether this call ever answers 429, and whether `Retry-After` comes\nwith it; when present, wait as long as it says.\n",
            "x-evidence": "unverified",
            "headers": {
              "Retry-After": {
                "description": "How long to wait before trying again, in seconds or as an HTTP date. **Unverified**: Customer.io\ndocuments no rate-limit headers.\n",
                "x-evidence": "unverified",
                "schema": {
                  "type": "string",
                  "examples": [
                    "30"
                  ]
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "Customer.io's error envelope for the Track API (**Observed**). A single message arrives as `meta.error`,\nseveral as `meta.errors`.\n",
                  "required": [
                    "meta"
                  ],
                  "properties": {
                    "meta": {
                      "type": "object",
                      "minProperties": 1,
                      "properties": {
                        "error": {
                          "type": "string",
                          "description": "One message."
                        },
                        "errors": {
                          "type": "array",
                          "description": "Several messages, one per problem.",
                          "items": {
                            "type": "string"
                          }
                        }
                      }
                    }
                  }
                }
              },
              "text/plain": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "default": {
            "description": "Any other error answer, from the service or from a proxy in front of it; Customer.io documents none.\n**Observed**: bodies may be JSON, plain text or an HTML page (a proxy's 502). After a 5xx the change may\nor may not have been saved.\n",
            "x-evidence": "observed",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "Customer.io's error envelope for the Track API (**Observed**). A single message arrives as `meta.error`,\nseveral as `meta.errors`.\n",
                  "required": [
                    "meta"
                  ],
                  "properties": {
                    "meta": {
                      "type": "object",
                      "minProperties": 1,
                      "properties": {
                        "error": {
                          "type": "string",
                          "description": "One message."
                        },
                        "errors": {
                          "type": "array",
                          "description": "Several messages, one per problem.",
                          "items": {
                            "type": "string"
                          }
                        }
                      }
                    }
                  }
                }
              },
              "text/plain": {
                "schema": {
                  "type": "string"
                }
              },
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/accounts/region": {
      "get": {
        "operationId": "getRegion",
        "tags": [
          "Account"
        ],
        "summary": "Find the workspace's data center",
        "description": "Tells which data center holds the workspace that the credentials belong to, and which Track API host to\nuse for it. A client can ask once and then send every other call straight to the host named in `url`,\ninstead of relying on a redirect from the US host to the EU host (which many HTTP clients follow without\nthe `Authorization` header).\n",
        "externalDocs": {
          "description": "Customer.io's reference of the Track API",
          "url": "https://docs.customer.io/api/track/"
        },
        "security": [
          {
            "trackBasicAuth": []
          }
        ],
        "responses": {
          "200": {
            "description": "The workspace's data center and the Track API host that serves it.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "Where a workspace's data lives and which Track API host serves it.",
                  "required": [
                    "url",
                    "region",
                    "environment_id"
                  ],
                  "properties": {
                    "url": {
                      "type": "string",
                      "minLength": 1,
                      "description": "Base URL of the Track API for this workspace, without a trailing slash. Send the workspace's other\nTrack API calls here.\n",
                      "examples": [
                        "https://track-eu.customer.io"
                      ]
                    },
                    "region": {
                      "type": "string",
                      "enum": [
                        "us",
                        "eu"
                      ],
                      "description": "The data center, `us` for the United States or `eu` for the European Union."
                    },
                    "environment_id": {
                      "type": "integer",
                      "description": "The numeric id of the workspace (environment) the credentials belong to.",
                      "examples": [
                        12345
                      ]
                    }
                  }
                },
                "examples": {
                  "us": {
                    "summary": "A workspace in the United States",
                    "value": {
                      "url": "https://track.customer.io",
                      "region": "us",
                      "environment_id": 12345
                    }
                  },
                  "eu": {
                    "summary": "A workspace in the European Union",
                    "value": {
                      "url": "https://track-eu.customer.io",
                      "region": "eu",
                      "environment_id": 67890
                    }
                  }
                }
              }
            }
          },
          "401": {
            "description": "The site ID and API key were missing or refused (Customer.io documentation). **Observed**: the body has\nbeen plain text, `Unauthorized request`. **Unverified**: whether it is now a JSON envelope; clients\nshould read both.\n",
            "x-evidence": "observed",
            "content": {
              "text/plain": {
                "schema": {
                  "type": "string"
                },
                "examples": {
                  "plain": {
                    "summary": "Plain text",
                    "value": "Unauthorized request"
                  }
                }
              },
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "Customer.io's error envelope for the Track API (**Observed**). A single message arrives as `meta.error`,\nseveral as `meta.errors`.\n",
                  "required": [
                    "meta"
                  ],
                  "properties": {
                    "meta": {
                      "type": "object",
                      "minProperties": 1,
                      "properties": {
                        "error": {
                          "type": "string",
                          "description": "One message."
                        },
                        "errors": {
                          "type": "array",
                          "description": "Several messages, one per problem.",
                          "items": {
                            "type": "string"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "default": {
            "description": "Any other error answer, from the service or from a proxy in front of it; Customer.io documents none.\n**Observed**: bodies may be JSON, plain text or an HTML page (a proxy's 502). After a 5xx the change may\nor may not have been saved.\n",
            "x-evidence": "observed",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "Customer.io's error envelope for the Track API (**Observed**). A single message arrives as `meta.error`,\nseveral as `meta.errors`.\n",
                  "required": [
                    "meta"
                  ],
                  "properties": {
                    "meta": {
                      "type": "object",
                      "minProperties": 1,
                      "properties": {
                        "error": {
                          "type": "string",
                          "description": "One message."
                        },
                        "errors": {
                          "type": "array",
                          "description": "Several messages, one per problem.",
                          "items": {
                            "type": "string"
                          }
                        }
                      }
                    }
                  }
                }
              },
              "text/plain": {
                "schema": {
                  "type": "string"
                }
              },
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "trackBasicAuth": {
        "type": "http",
        "scheme": "basic",
        "description": "HTTP Basic authentication. The user name is the workspace's **site ID** and the password is its\n**Track API key**, both found under the workspace's API credentials. The key is a secret: send it only\nto Customer.io's hosts.\n"
      }
    },
    "parameters": {
      "Identifier": {
        "name": "identifier",
        "in": "path",
        "required": true,
        "description": "The person this request is about, in one of three forms (rule C10):\n\n- an **id**, the workspace's own identifier for the person (case-sensitive);\n- an **email address**, in workspaces that identify people by email (case-insensitive, rule C9);\n- **`cio_<cio_id>`**, Customer.io's internal identifier with the `cio_` prefix. Only this form can\n  change an `id` or `email` that is already set (rules C5, C7). A `cio_id` that does not exist, or\n  belongs to a deleted person, makes the server drop the request (rule C8).\n\nThe server decides the form from the value's shape; a phone number in the path is treated as an id.\nURL-encode the value exactly once as one path segment (`encodeURIComponent` in JavaScript):\n`a+b@example.com` travels as `a%2Bb%40example.com` and `ops/team#1` as `ops%2Fteam%231`. If your HTTP\nclient inserts path parameters without encoding them, encode the value yourself before passing it;\nif it encodes them, pass the value as it is.\n\nCustomer.io documents that a person's id is at most 150 bytes of UTF-8. This document applies that\nbound to every form of the path identifier, a choice: Customer.io documents no separate limit for an\nemail address or a `cio_id` in the path.\n",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 150
        },
        "examples": {
          "id": {
            "summary": "An id",
            "value": "user-5678"
          },
          "email": {
            "summary": "An email address",
            "value": "ada@example.com"
          },
          "cioId": {
            "summary": "A cio_id with its prefix",
            "value": "cio_03000001a2b3c4d5"
          }
        }
      }
    },
    "schemas": {
      "PersonAttributes": {
        "description": "Attributes of a person: the fields that have a meaning to Customer.io (`DeclaredAttributes`), and any\nother key as a custom attribute (`CustomAttributes`). Both parts describe the same JSON object.\n",
        "allOf": [
          {
            "type": "object",
            "description": "The attributes that have a meaning to Customer.io. Every one is optional.",
            "properties": {
              "id": {
                "type": "string",
                "minLength": 1,
                "maxLength": 150,
                "description": "The workspace's own identifier for the person (case-sensitive, at most 150 bytes of UTF-8). A person\nreferenced by email in the path may be given an id (C11); an id that is already set changes only\nwhen the path is `cio_<cio_id>` (C5, C7).\n",
                "examples": [
                  "user-5678"
                ]
              },
              "email": {
                "type": "string",
                "format": "email",
                "maxLength": 1000,
                "description": "The person's email address (C13). Where the workspace identifies people by email it is an\nidentifier and case-insensitive (C9). Once set it changes only through a `cio_` reference (C5),\nor by id when \"Allow updates to email using ID\" is on (C6). Like any attribute value it is at most\n1000 bytes.\n",
                "examples": [
                  "ada@example.com"
                ]
              },
              "anonymous_id": {
                "type": "string",
                "maxLength": 1000,
                "description": "An anonymous value such as a cookie id. Events that carry it are attributed to this person. A value\nbelongs to one person only and cannot be reused by another (C16). Like any attribute value it is at\nmost 1000 bytes.\n",
                "examples": [
                  "anon-2f6c9b"
                ]
              },
              "created_at": {
                "type": "integer",
                "minimum": 0,
                "description": "When the person was created, as Unix time in whole **seconds** (C22). Customer.io stores a value in\nmilliseconds, but it is then useless as a time. A negative time is refused, a choice of this document.\n",
                "examples": [
                  1700000000
                ]
              },
              "_update": {
                "type": "boolean",
                "description": "When `true`, the call only updates: no person is created even if the path identifier is unknown\n(C23), and identifiers that match nobody are logged as a \"Failed Attribute Change\" (C24). Use it\nwhen rapid successive calls could otherwise create duplicate profiles.\n"
              },
              "_timestamp": {
                "type": "integer",
                "minimum": 0,
                "description": "Unix time in whole seconds that orders attribute updates sent in rapid succession for one person.\nCustomer.io's published document declares it; the requirement this project follows does not. A\nnegative time is refused, a choice of this document.\n",
                "examples": [
                  1700000500
                ]
              },
              "unsubscribed": {
                "description": "`true` unsubscribes the person from every message; `false` or absent leaves them eligible as their\nsubscription preferences say (C17). Send a boolean. Customer.io's published document also reads\n`\"true\"` in any case, `1` and `\"1\"` as true, and any other string or number as false.\n",
                "anyOf": [
                  {
                    "type": "boolean"
                  },
                  {
                    "type": "string",
                    "maxLength": 1000
                  },
                  {
                    "type": "integer"
                  }
                ],
                "examples": [
                  true
                ]
              },
              "cio_subscription_preferences": {
                "type": "object",
                "description": "The person's subscription preferences (C14). Sending this object replaces the preferences it names:\na topic left out of `topics` reverts to the workspace's default (Customer.io documents the same for a\ntopic sent with an empty value; this document takes booleans only, so leave a topic out to revert it).\nTo change one topic and keep the others, use the dot-notation key instead (C15). People set these\nthemselves through the subscription center; this field sets them from outside it.\n",
                "additionalProperties": false,
                "properties": {
                  "topics": {
                    "type": "object",
                    "description": "One boolean per topic, keyed `topic_<id>`; `true` subscribes, `false` unsubscribes.",
                    "propertyNames": {
                      "pattern": "^topic_[1-9][0-9]*$"
                    },
                    "additionalProperties": {
                      "type": "boolean"
                    },
                    "examples": [
                      {
                        "topic_1": true,
                        "topic_7": false
                      }
                    ]
                  }
                }
              },
              "cio_relationships": {
                "type": "object",
                "description": "Relationships between the person and objects (non-person entities such as companies or courses). The\n`action` decides whether the listed relationships are added or removed (C18). This document requires\n`relationships`, a choice: neither Customer.io nor the requirement says whether it may be left out.\n",
                "required": [
                  "relationships"
                ],
                "additionalProperties": false,
                "properties": {
                  "action": {
                    "type": "string",
                    "enum": [
                      "add_relationships",
                      "delete_relationships"
                    ],
                    "description": "`add_relationships` relates the person to each listed object; `delete_relationships` removes those\nrelationships. Neither Customer.io nor the requirement says what a missing `action` means: send it.\n"
                  },
                  "relationships": {
                    "type": "array",
                    "description": "One entry per object to relate to, or to stop relating to.",
                    "items": {
                      "type": "object",
                      "description": "One relationship between the person and an object.",
                      "required": [
                        "identifiers"
                      ],
                      "additionalProperties": false,
                      "properties": {
                        "identifiers": {
                          "type": "object",
                          "description": "The object: by its type and its id, both required together (C19), or by `cio_object_id`, the id\nCustomer.io gave it (Customer.io documentation).\n",
                          "minProperties": 1,
                          "additionalProperties": false,
                          "dependentRequired": {
                            "object_type_id": [
                              "object_id"
                            ],
                            "object_id": [
                              "object_type_id"
                            ]
                          },
                          "properties": {
                            "object_type_id": {
                              "type": "string",
                              "pattern": "^[1-9][0-9]*$",
                              "description": "The object's type, as a string holding a whole number. Types are numbered from 1 in the order the\nworkspace created them, for example \"1\" for Companies (C20). Sent with `object_id`.\n",
                              "examples": [
                                "1"
                              ]
                            },
                            "object_id": {
                              "type": "string",
                              "minLength": 1,
                              "description": "The object's own id within its type. An id that already exists refers to that object; a new one\ncreates it (C19). Sent with `object_type_id`.\n",
                              "examples": [
                                "acme"
                              ]
                            },
                            "cio_object_id": {
                              "type": "string",
                              "minLength": 1,
                              "description": "Customer.io's own id of the object, instead of `object_type_id` and `object_id`."
                            }
                          }
                        },
                        "relationship_attributes": {
                          "type": "object",
                          "description": "Attributes of the relationship itself, such as a role. `null` or `\"\"` removes that attribute from\nthe relationship (C21). Workspaces without relationship attributes accept and ignore them. This\ndocument applies the name and value limits of a person's attributes to them, a choice.\n",
                          "propertyNames": {
                            "minLength": 1,
                            "maxLength": 150
                          },
                          "additionalProperties": {
                            "anyOf": [
                              {
                                "type": "string",
                                "maxLength": 1000
                              },
                              {
                                "type": "number"
                              },
                              {
                                "type": "boolean"
                              },
                              {
                                "type": "null"
                              }
                            ]
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          {
            "type": "object",
            "description": "Custom attributes: any key other than the declared ones. A name is 1 to 150 bytes of UTF-8 and\ncase-sensitive; names starting with `_` are reserved for Customer.io; a call carries at most 300\nattributes (Customer.io documentation). A key `cio_subscription_preferences.topics.topic_<id>` is not\na custom attribute but one topic preference in dot notation (C15), and takes a boolean.\n",
            "maxProperties": 300,
            "propertyNames": {
              "minLength": 1,
              "maxLength": 150
            },
            "patternProperties": {
              "^cio_subscription_preferences\\.topics\\.topic_[1-9][0-9]*$": {
                "type": "boolean",
                "description": "Dot notation for one topic, for example `\"cio_subscription_preferences.topics.topic_3\": false`. Only\nthat topic changes; the other topics keep their values (C15).\n"
              }
            },
            "additionalProperties": {
              "description": "The value of a custom attribute. Customer.io's published document allows a string, an integer or a\nboolean. This document also allows a fractional number, `null`, an array and an object, a choice:\nthe platform is believed to store them (**Unverified**). A value is at most 1000 bytes (Customer.io\ndocumentation); an array or object is measured written as JSON, a choice. **Unverified**: `null` or\n`\"\"` removes the attribute from the person.\n",
              "anyOf": [
                {
                  "type": "string",
                  "maxLength": 1000
                },
                {
                  "type": "number"
                },
                {
                  "type": "boolean"
                },
                {
                  "type": "null"
                },
                {
                  "type": "array",
                  "items": {}
                },
                {
                  "type": "object",
                  "additionalProperties": {}
                }
              ]
            }
          }
        ]
      },
      "DeclaredAttributes": {
        "type": "object",
        "description": "The attributes that have a meaning to Customer.io. Every one is optional.",
        "properties": {
          "id": {
            "type": "string",
            "minLength": 1,
            "maxLength": 150,
            "description": "The workspace's own identifier for the person (case-sensitive, at most 150 bytes of UTF-8). A person\nreferenced by email in the path may be given an id (C11); an id that is already set changes only\nwhen the path is `cio_<cio_id>` (C5, C7).\n",
            "examples": [
              "user-5678"
            ]
          },
          "email": {
            "type": "string",
            "format": "email",
            "maxLength": 1000,
            "description": "The person's email address (C13). Where the workspace identifies people by email it is an\nidentifier and case-insensitive (C9). Once set it changes only through a `cio_` reference (C5),\nor by id when \"Allow updates to email using ID\" is on (C6). Like any attribute value it is at most\n1000 bytes.\n",
            "examples": [
              "ada@example.com"
            ]
          },
          "anonymous_id": {
            "type": "string",
            "maxLength": 1000,
            "description": "An anonymous value such as a cookie id. Events that carry it are attributed to this person. A value\nbelongs to one person only and cannot be reused by another (C16). Like any attribute value it is at\nmost 1000 bytes.\n",
            "examples": [
              "anon-2f6c9b"
            ]
          },
          "created_at": {
            "type": "integer",
            "minimum": 0,
            "description": "When the person was created, as Unix time in whole **seconds** (C22). Customer.io stores a value in\nmilliseconds, but it is then useless as a time. A negative time is refused, a choice of this document.\n",
            "examples": [
              1700000000
            ]
          },
          "_update": {
            "type": "boolean",
            "description": "When `true`, the call only updates: no person is created even if the path identifier is unknown\n(C23), and identifiers that match nobody are logged as a \"Failed Attribute Change\" (C24). Use it\nwhen rapid successive calls could otherwise create duplicate profiles.\n"
          },
          "_timestamp": {
            "type": "integer",
            "minimum": 0,
            "description": "Unix time in whole seconds that orders attribute updates sent in rapid succession for one person.\nCustomer.io's published document declares it; the requirement this project follows does not. A\nnegative time is refused, a choice of this document.\n",
            "examples": [
              1700000500
            ]
          },
          "unsubscribed": {
            "description": "`true` unsubscribes the person from every message; `false` or absent leaves them eligible as their\nsubscription preferences say (C17). Send a boolean. Customer.io's published document also reads\n`\"true\"` in any case, `1` and `\"1\"` as true, and any other string or number as false.\n",
            "anyOf": [
              {
                "type": "boolean"
              },
              {
                "type": "string",
                "maxLength": 1000
              },
              {
                "type": "integer"
              }
            ],
            "examples": [
              true
            ]
          },
          "cio_subscription_preferences": {
            "type": "object",
            "description": "The person's subscription preferences (C14). Sending this object replaces the preferences it names:\na topic left out of `topics` reverts to the workspace's default (Customer.io documents the same for a\ntopic sent with an empty value; this document takes booleans only, so leave a topic out to revert it).\nTo change one topic and keep the others, use the dot-notation key instead (C15). People set these\nthemselves through the subscription center; this field sets them from outside it.\n",
            "additionalProperties": false,
            "properties": {
              "topics": {
                "type": "object",
                "description": "One boolean per topic, keyed `topic_<id>`; `true` subscribes, `false` unsubscribes.",
                "propertyNames": {
                  "pattern": "^topic_[1-9][0-9]*$"
                },
                "additionalProperties": {
                  "type": "boolean"
                },
                "examples": [
                  {
                    "topic_1": true,
                    "topic_7": false
                  }
                ]
              }
            }
          },
          "cio_relationships": {
            "type": "object",
            "description": "Relationships between the person and objects (non-person entities such as companies or courses). The\n`action` decides whether the listed relationships are added or removed (C18). This document requires\n`relationships`, a choice: neither Customer.io nor the requirement says whether it may be left out.\n",
            "required": [
              "relationships"
            ],
            "additionalProperties": false,
            "properties": {
              "action": {
                "type": "string",
                "enum": [
                  "add_relationships",
                  "delete_relationships"
                ],
                "description": "`add_relationships` relates the person to each listed object; `delete_relationships` removes those\nrelationships. Neither Customer.io nor the requirement says what a missing `action` means: send it.\n"
              },
              "relationships": {
                "type": "array",
                "description": "One entry per object to relate to, or to stop relating to.",
                "items": {
                  "type": "object",
                  "description": "One relationship between the person and an object.",
                  "required": [
                    "identifiers"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "identifiers": {
                      "type": "object",
                      "description": "The object: by its type and its id, both required together (C19), or by `cio_object_id`, the id\nCustomer.io gave it (Customer.io documentation).\n",
                      "minProperties": 1,
                      "additionalProperties": false,
                      "dependentRequired": {
                        "object_type_id": [
                          "object_id"
                        ],
                        "object_id": [
                          "object_type_id"
                        ]
                      },
                      "properties": {
                        "object_type_id": {
                          "type": "string",
                          "pattern": "^[1-9][0-9]*$",
                          "description": "The object's type, as a string holding a whole number. Types are numbered from 1 in the order the\nworkspace created them, for example \"1\" for Companies (C20). Sent with `object_id`.\n",
                          "examples": [
                            "1"
                          ]
                        },
                        "object_id": {
                          "type": "string",
                          "minLength": 1,
                          "description": "The object's own id within its type. An id that already exists refers to that object; a new one\ncreates it (C19). Sent with `object_type_id`.\n",
                          "examples": [
                            "acme"
                          ]
                        },
                        "cio_object_id": {
                          "type": "string",
                          "minLength": 1,
                          "description": "Customer.io's own id of the object, instead of `object_type_id` and `object_id`."
                        }
                      }
                    },
                    "relationship_attributes": {
                      "type": "object",
                      "description": "Attributes of the relationship itself, such as a role. `null` or `\"\"` removes that attribute from\nthe relationship (C21). Workspaces without relationship attributes accept and ignore them. This\ndocument applies the name and value limits of a person's attributes to them, a choice.\n",
                      "propertyNames": {
                        "minLength": 1,
                        "maxLength": 150
                      },
                      "additionalProperties": {
                        "anyOf": [
                          {
                            "type": "string",
                            "maxLength": 1000
                          },
                          {
                            "type": "number"
                          },
                          {
                            "type": "boolean"
                          },
                          {
                            "type": "null"
                          }
                        ]
                      }
                    }
                  }
                }
              }
            }
          }
        }
      },
      "CustomAttributes": {
        "type": "object",
        "description": "Custom attributes: any key other than the declared ones. A name is 1 to 150 bytes of UTF-8 and\ncase-sensitive; names starting with `_` are reserved for Customer.io; a call carries at most 300\nattributes (Customer.io documentation). A key `cio_subscription_preferences.topics.topic_<id>` is not\na custom attribute but one topic preference in dot notation (C15), and takes a boolean.\n",
        "maxProperties": 300,
        "propertyNames": {
          "minLength": 1,
          "maxLength": 150
        },
        "patternProperties": {
          "^cio_subscription_preferences\\.topics\\.topic_[1-9][0-9]*$": {
            "type": "boolean",
            "description": "Dot notation for one topic, for example `\"cio_subscription_preferences.topics.topic_3\": false`. Only\nthat topic changes; the other topics keep their values (C15).\n"
          }
        },
        "additionalProperties": {
          "description": "The value of a custom attribute. Customer.io's published document allows a string, an integer or a\nboolean. This document also allows a fractional number, `null`, an array and an object, a choice:\nthe platform is believed to store them (**Unverified**). A value is at most 1000 bytes (Customer.io\ndocumentation); an array or object is measured written as JSON, a choice. **Unverified**: `null` or\n`\"\"` removes the attribute from the person.\n",
          "anyOf": [
            {
              "type": "string",
              "maxLength": 1000
            },
            {
              "type": "number"
            },
            {
              "type": "boolean"
            },
            {
              "type": "null"
            },
            {
              "type": "array",
              "items": {}
            },
            {
              "type": "object",
              "additionalProperties": {}
            }
          ]
        }
      },
      "CustomAttributeValue": {
        "description": "The value of a custom attribute. Customer.io's published document allows a string, an integer or a\nboolean. This document also allows a fractional number, `null`, an array and an object, a choice:\nthe platform is believed to store them (**Unverified**). A value is at most 1000 bytes (Customer.io\ndocumentation); an array or object is measured written as JSON, a choice. **Unverified**: `null` or\n`\"\"` removes the attribute from the person.\n",
        "anyOf": [
          {
            "type": "string",
            "maxLength": 1000
          },
          {
            "type": "number"
          },
          {
            "type": "boolean"
          },
          {
            "type": "null"
          },
          {
            "type": "array",
            "items": {}
          },
          {
            "type": "object",
            "additionalProperties": {}
          }
        ]
      },
      "SubscriptionPreferences": {
        "type": "object",
        "description": "The person's subscription preferences (C14). Sending this object replaces the preferences it names:\na topic left out of `topics` reverts to the workspace's default (Customer.io documents the same for a\ntopic sent with an empty value; this document takes booleans only, so leave a topic out to revert it).\nTo change one topic and keep the others, use the dot-notation key instead (C15). People set these\nthemselves through the subscription center; this field sets them from outside it.\n",
        "additionalProperties": false,
        "properties": {
          "topics": {
            "type": "object",
            "description": "One boolean per topic, keyed `topic_<id>`; `true` subscribes, `false` unsubscribes.",
            "propertyNames": {
              "pattern": "^topic_[1-9][0-9]*$"
            },
            "additionalProperties": {
              "type": "boolean"
            },
            "examples": [
              {
                "topic_1": true,
                "topic_7": false
              }
            ]
          }
        }
      },
      "Topics": {
        "type": "object",
        "description": "One boolean per topic, keyed `topic_<id>`; `true` subscribes, `false` unsubscribes.",
        "propertyNames": {
          "pattern": "^topic_[1-9][0-9]*$"
        },
        "additionalProperties": {
          "type": "boolean"
        },
        "examples": [
          {
            "topic_1": true,
            "topic_7": false
          }
        ]
      },
      "Relationships": {
        "type": "object",
        "description": "Relationships between the person and objects (non-person entities such as companies or courses). The\n`action` decides whether the listed relationships are added or removed (C18). This document requires\n`relationships`, a choice: neither Customer.io nor the requirement says whether it may be left out.\n",
        "required": [
          "relationships"
        ],
        "additionalProperties": false,
        "properties": {
          "action": {
            "type": "string",
            "enum": [
              "add_relationships",
              "delete_relationships"
            ],
            "description": "`add_relationships` relates the person to each listed object; `delete_relationships` removes those\nrelationships. Neither Customer.io nor the requirement says what a missing `action` means: send it.\n"
          },
          "relationships": {
            "type": "array",
            "description": "One entry per object to relate to, or to stop relating to.",
            "items": {
              "type": "object",
              "description": "One relationship between the person and an object.",
              "required": [
                "identifiers"
              ],
              "additionalProperties": false,
              "properties": {
                "identifiers": {
                  "type": "object",
                  "description": "The object: by its type and its id, both required together (C19), or by `cio_object_id`, the id\nCustomer.io gave it (Customer.io documentation).\n",
                  "minProperties": 1,
                  "additionalProperties": false,
                  "dependentRequired": {
                    "object_type_id": [
                      "object_id"
                    ],
                    "object_id": [
                      "object_type_id"
                    ]
                  },
                  "properties": {
                    "object_type_id": {
                      "type": "string",
                      "pattern": "^[1-9][0-9]*$",
                      "description": "The object's type, as a string holding a whole number. Types are numbered from 1 in the order the\nworkspace created them, for example \"1\" for Companies (C20). Sent with `object_id`.\n",
                      "examples": [
                        "1"
                      ]
                    },
                    "object_id": {
                      "type": "string",
                      "minLength": 1,
                      "description": "The object's own id within its type. An id that already exists refers to that object; a new one\ncreates it (C19). Sent with `object_type_id`.\n",
                      "examples": [
                        "acme"
                      ]
                    },
                    "cio_object_id": {
                      "type": "string",
                      "minLength": 1,
                      "description": "Customer.io's own id of the object, instead of `object_type_id` and `object_id`."
                    }
                  }
                },
                "relationship_attributes": {
                  "type": "object",
                  "description": "Attributes of the relationship itself, such as a role. `null` or `\"\"` removes that attribute from\nthe relationship (C21). Workspaces without relationship attributes accept and ignore them. This\ndocument applies the name and value limits of a person's attributes to them, a choice.\n",
                  "propertyNames": {
                    "minLength": 1,
                    "maxLength": 150
                  },
                  "additionalProperties": {
                    "anyOf": [
                      {
                        "type": "string",
                        "maxLength": 1000
                      },
                      {
                        "type": "number"
                      },
                      {
                        "type": "boolean"
                      },
                      {
                        "type": "null"
                      }
                    ]
                  }
                }
              }
            }
          }
        }
      },
      "Relationship": {
        "type": "object",
        "description": "One relationship between the person and an object.",
        "required": [
          "identifiers"
        ],
        "additionalProperties": false,
        "properties": {
          "identifiers": {
            "type": "object",
            "description": "The object: by its type and its id, both required together (C19), or by `cio_object_id`, the id\nCustomer.io gave it (Customer.io documentation).\n",
            "minProperties": 1,
            "additionalProperties": false,
            "dependentRequired": {
              "object_type_id": [
                "object_id"
              ],
              "object_id": [
                "object_type_id"
              ]
            },
            "properties": {
              "object_type_id": {
                "type": "string",
                "pattern": "^[1-9][0-9]*$",
                "description": "The object's type, as a string holding a whole number. Types are numbered from 1 in the order the\nworkspace created them, for example \"1\" for Companies (C20). Sent with `object_id`.\n",
                "examples": [
                  "1"
                ]
              },
              "object_id": {
                "type": "string",
                "minLength": 1,
                "description": "The object's own id within its type. An id that already exists refers to that object; a new one\ncreates it (C19). Sent with `object_type_id`.\n",
                "examples": [
                  "acme"
                ]
              },
              "cio_object_id": {
                "type": "string",
                "minLength": 1,
                "description": "Customer.io's own id of the object, instead of `object_type_id` and `object_id`."
              }
            }
          },
          "relationship_attributes": {
            "type": "object",
            "description": "Attributes of the relationship itself, such as a role. `null` or `\"\"` removes that attribute from\nthe relationship (C21). Workspaces without relationship attributes accept and ignore them. This\ndocument applies the name and value limits of a person's attributes to them, a choice.\n",
            "propertyNames": {
              "minLength": 1,
              "maxLength": 150
            },
            "additionalProperties": {
              "anyOf": [
                {
                  "type": "string",
                  "maxLength": 1000
                },
                {
                  "type": "number"
                },
                {
                  "type": "boolean"
                },
                {
                  "type": "null"
                }
              ]
            }
          }
        }
      },
      "ObjectIdentifiers": {
        "type": "object",
        "description": "The object: by its type and its id, both required together (C19), or by `cio_object_id`, the id\nCustomer.io gave it (Customer.io documentation).\n",
        "minProperties": 1,
        "additionalProperties": false,
        "dependentRequired": {
          "object_type_id": [
            "object_id"
          ],
          "object_id": [
            "object_type_id"
          ]
        },
        "properties": {
          "object_type_id": {
            "type": "string",
            "pattern": "^[1-9][0-9]*$",
            "description": "The object's type, as a string holding a whole number. Types are numbered from 1 in the order the\nworkspace created them, for example \"1\" for Companies (C20). Sent with `object_id`.\n",
            "examples": [
              "1"
            ]
          },
          "object_id": {
            "type": "string",
            "minLength": 1,
            "description": "The object's own id within its type. An id that already exists refers to that object; a new one\ncreates it (C19). Sent with `object_type_id`.\n",
            "examples": [
              "acme"
            ]
          },
          "cio_object_id": {
            "type": "string",
            "minLength": 1,
            "description": "Customer.io's own id of the object, instead of `object_type_id` and `object_id`."
          }
        }
      },
      "RelationshipAttributes": {
        "type": "object",
        "description": "Attributes of the relationship itself, such as a role. `null` or `\"\"` removes that attribute from\nthe relationship (C21). Workspaces without relationship attributes accept and ignore them. This\ndocument applies the name and value limits of a person's attributes to them, a choice.\n",
        "propertyNames": {
          "minLength": 1,
          "maxLength": 150
        },
        "additionalProperties": {
          "anyOf": [
            {
              "type": "string",
              "maxLength": 1000
            },
            {
              "type": "number"
            },
            {
              "type": "boolean"
            },
            {
              "type": "null"
            }
          ]
        }
      },
      "AccountRegion": {
        "type": "object",
        "description": "Where a workspace's data lives and which Track API host serves it.",
        "required": [
          "url",
          "region",
          "environment_id"
        ],
        "properties": {
          "url": {
            "type": "string",
            "minLength": 1,
            "description": "Base URL of the Track API for this workspace, without a trailing slash. Send the workspace's other\nTrack API calls here.\n",
            "examples": [
              "https://track-eu.customer.io"
            ]
          },
          "region": {
            "type": "string",
            "enum": [
              "us",
              "eu"
            ],
            "description": "The data center, `us` for the United States or `eu` for the European Union."
          },
          "environment_id": {
            "type": "integer",
            "description": "The numeric id of the workspace (environment) the credentials belong to.",
            "examples": [
              12345
            ]
          }
        }
      },
      "Empty": {
        "type": "object",
        "description": "An empty JSON object. The endpoint answers it whether or not every change was applied.",
        "additionalProperties": false
      },
      "ErrorEnvelope": {
        "type": "object",
        "description": "Customer.io's error envelope for the Track API (**Observed**). A single message arrives as `meta.error`,\nseveral as `meta.errors`.\n",
        "required": [
          "meta"
        ],
        "properties": {
          "meta": {
            "type": "object",
            "minProperties": 1,
            "properties": {
              "error": {
                "type": "string",
                "description": "One message."
              },
              "errors": {
                "type": "array",
                "description": "Several messages, one per problem.",
                "items": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "headers": {
      "Location": {
        "description": "Where to send the request instead, on the host of the workspace's data center.",
        "schema": {
          "type": "string",
          "format": "uri",
          "examples": [
            "https://track-eu.customer.io/api/v1/customers/user-5678"
          ]
        }
      },
      "RetryAfter": {
        "description": "How long to wait before trying again, in seconds or as an HTTP date. **Unverified**: Customer.io\ndocuments no rate-limit headers.\n",
        "x-evidence": "unverified",
        "schema": {
          "type": "string",
          "examples": [
            "30"
          ]
        }
      }
    },
    "responses": {
      "WrongRegion": {
        "description": "The workspace lives in the other data center. Customer.io documents that traffic for an EU workspace\nsent to the US host is redirected to the EU host; **Unverified**: which status it uses (301, 307 and 308\nare declared alike). A client must repeat the PUT with its body and credentials, which most HTTP stacks\ndrop on a cross-origin redirect; asking `GET /api/v1/accounts/region` once avoids the redirect.\n",
        "x-evidence": "unverified",
        "headers": {
          "Location": {
            "description": "Where to send the request instead, on the host of the workspace's data center.",
            "schema": {
              "type": "string",
              "format": "uri",
              "examples": [
                "https://track-eu.customer.io/api/v1/customers/user-5678"
              ]
            }
          }
        }
      },
      "BadRequest": {
        "description": "The request was malformed, or broke a documented limit. The envelope names the problem. **Observed**:\nthe example below was seen from the live service; Customer.io documents neither the envelope nor the\nwording of its messages.\n",
        "x-evidence": "observed",
        "content": {
          "application/json": {
            "schema": {
              "type": "object",
              "description": "Customer.io's error envelope for the Track API (**Observed**). A single message arrives as `meta.error`,\nseveral as `meta.errors`.\n",
              "required": [
                "meta"
              ],
              "properties": {
                "meta": {
                  "type": "object",
                  "minProperties": 1,
                  "properties": {
                    "error": {
                      "type": "string",
                      "description": "One message."
                    },
                    "errors": {
                      "type": "array",
                      "description": "Several messages, one per problem.",
                      "items": {
                        "type": "string"
                      }
                    }
                  }
                }
              }
            },
            "examples": {
              "tooLong": {
                "summary": "A value over the limit",
                "value": {
                  "meta": {
                    "errors": [
                      "value for attribute 'myAttribute' cannot be longer than 1000 bytes"
                    ]
                  }
                }
              }
            }
          }
        }
      },
      "Unauthorized": {
        "description": "The site ID and API key were missing or refused (Customer.io documentation). **Observed**: the body has\nbeen plain text, `Unauthorized request`. **Unverified**: whether it is now a JSON envelope; clients\nshould read both.\n",
        "x-evidence": "observed",
        "content": {
          "text/plain": {
            "schema": {
              "type": "string"
            },
            "examples": {
              "plain": {
                "summary": "Plain text",
                "value": "Unauthorized request"
              }
            }
          },
          "application/json": {
            "schema": {
              "type": "object",
              "description": "Customer.io's error envelope for the Track API (**Observed**). A single message arrives as `meta.error`,\nseveral as `meta.errors`.\n",
              "required": [
                "meta"
              ],
              "properties": {
                "meta": {
                  "type": "object",
                  "minProperties": 1,
                  "properties": {
                    "error": {
                      "type": "string",
                      "description": "One message."
                    },
                    "errors": {
                      "type": "array",
                      "description": "Several messages, one per problem.",
                      "items": {
                        "type": "string"
                      }
                    }
                  }
                }
              }
            }
          }
        }
      },
      "TooManyRequests": {
        "description": "Too many requests. Customer.io publishes a fair-use rate rather than a hard limit, and documents no\nrate-limit headers. **Unverified**: whether this call ever answers 429, and whether `Retry-After` comes\nwith it; when present, wait as long as it says.\n",
        "x-evidence": "unverified",
        "headers": {
          "Retry-After": {
            "description": "How long to wait before trying again, in seconds or as an HTTP date. **Unverified**: Customer.io\ndocuments no rate-limit headers.\n",
            "x-evidence": "unverified",
            "schema": {
              "type": "string",
              "examples": [
                "30"
              ]
            }
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "type": "object",
              "description": "Customer.io's error envelope for the Track API (**Observed**). A single message arrives as `meta.error`,\nseveral as `meta.errors`.\n",
              "required": [
                "meta"
              ],
              "properties": {
                "meta": {
                  "type": "object",
                  "minProperties": 1,
                  "properties": {
                    "error": {
                      "type": "string",
                      "description": "One message."
                    },
                    "errors": {
                      "type": "array",
                      "description": "Several messages, one per problem.",
                      "items": {
                        "type": "string"
                      }
                    }
                  }
                }
              }
            }
          },
          "text/plain": {
            "schema": {
              "type": "string"
            }
          }
        }
      },
      "OtherError": {
        "description": "Any other error answer, from the service or from a proxy in front of it; Customer.io documents none.\n**Observed**: bodies may be JSON, plain text or an HTML page (a proxy's 502). After a 5xx the change may\nor may not have been saved.\n",
        "x-evidence": "observed",
        "content": {
          "application/json": {
            "schema": {
              "type": "object",
              "description": "Customer.io's error envelope for the Track API (**Observed**). A single message arrives as `meta.error`,\nseveral as `meta.errors`.\n",
              "required": [
                "meta"
              ],
              "properties": {
                "meta": {
                  "type": "object",
                  "minProperties": 1,
                  "properties": {
                    "error": {
                      "type": "string",
                      "description": "One message."
                    },
                    "errors": {
                      "type": "array",
                      "description": "Several messages, one per problem.",
                      "items": {
                        "type": "string"
                      }
                    }
                  }
                }
              }
            }
          },
          "text/plain": {
            "schema": {
              "type": "string"
            }
          },
          "text/html": {
            "schema": {
              "type": "string"
            }
          }
        }
      }
    }
  },
  "x-limits": {
    "personIdBytes": {
      "value": 150,
      "description": "A person's id is at most 150 bytes of UTF-8 (Customer.io documentation)."
    },
    "attributeNameBytes": {
      "value": 150,
      "description": "An attribute's name is at most 150 bytes of UTF-8 (Customer.io documentation)."
    },
    "attributeValueBytes": {
      "value": 1000,
      "description": "An attribute's value is at most 1000 bytes (Customer.io documentation)."
    },
    "attributesPerCall": {
      "value": 300,
      "description": "At most 300 unique attributes per person or per identify call (Customer.io documentation)."
    }
  }
};

export default document;
