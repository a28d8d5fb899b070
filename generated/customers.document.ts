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
    "version": "1.0.0",
    "summary": "One endpoint of Customer.io's Track API, described precisely enough to generate clients, simulators and checks.",
    "description": "This document describes `PUT /api/v1/customers/{identifier}` of Customer.io's Track API, the call that\ncreates a person or changes one, and `GET /api/v1/accounts/region`, which tells a client which data center\n(and so which host) serves the workspace. It is the single source of truth of the `cio-customers` project: the\nTypeScript types, the request validator, the reference simulator and the conformance suite are all\nderived from it.\n\nThe endpoint does very little validation of its own. A well-formed request is usually answered\n`200 {}` even when the workspace then refuses part of it (an identifier that belongs to someone else,\na `_update` that finds nobody, a `cio_` reference to a deleted person). Such outcomes are visible only\nin the workspace's activity log. The rules that decide them are listed, with stable ids C1–C24, in the\ndescription of the operation.\n",
    "license": {
      "name": "MIT",
      "identifier": "MIT"
    },
    "contact": {
      "name": "cio-customers",
      "url": "https://github.com/cio-customers/cio-customers"
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
      "name": "People",
      "description": "Create people and change their identifiers, attributes, subscription preferences and relationships."
    },
    {
      "name": "Account",
      "description": "Facts about the workspace the credentials belong to, such as the data center that holds it."
    }
  ],
  "paths": {
    "/api/v1/customers/{identifier}": {
      "put": {
        "operationId": "identify",
        "tags": [
          "People"
        ],
        "summary": "Add or update a person",
        "description": "Creates a person, or updates the person the request resolves to. Which person that is, and whether\nthe identifiers in the body are applied, follows the rules below. Each rule has an id that the\nsimulator, the conformance checks and the README cite.\n\n**Identity resolution**\n\n- **C1 create.** Without a `cio_` reference, when neither the path identifier nor any identifier in\n  the body belongs to a person, a new person is created.\n- **C2 update by path.** When a person already holds the path identifier, that person is updated.\n- **C3 adopt the path identifier.** When the path identifier belongs to nobody but an identifier in the\n  body belongs to a person, that person is updated and receives the path identifier.\n- **C4 conflict.** When the path identifier and a body identifier belong to two different people, the\n  call can still answer `200`, but the body identifier is not applied and the activity log records an\n  \"Attribute Update Failure\" for it.\n- **C5 changing a set identifier.** Once a person's `id` or `email` is set, it can only be changed by a\n  request whose path is `cio_<cio_id>`.\n- **C6 email by id.** Exception to C5: with the workspace setting \"Allow updates to email using ID\"\n  turned on, a person referenced by `id` can have their `email` changed.\n- **C7 `cio_` reference.** A path of `cio_<cio_id>` updates that person, identifiers in the body included.\n- **C8 unknown or deleted `cio_`.** When the `cio_id` does not exist, or belongs to a deleted person, the\n  request is dropped and nothing changes.\n- **C9 email ignores case.** In workspaces that identify people by email, `person@example.com` and\n  `PERSON@example.com` are the same person.\n- **C10 identifier forms.** The path holds an `id`, an email address, or `cio_<cio_id>`, as the\n  workspace's settings allow. The server tells them apart by shape: the `cio_` prefix, then an email\n  address (where email identifies people), otherwise an `id`. A `cio_id` must carry the `cio_` prefix.\n- **C11 setting an id by email.** A person referenced by email may be given an `id`; an `id` that is\n  already set changes only through a `cio_` reference.\n\n**Request**\n\n- **C12 content type.** The body is JSON, sent with `Content-Type: application/json`.\n- **C13 email attribute.** `email` in the body is the person's email address.\n\n**Attributes**\n\n- **C14 subscription preferences.** `cio_subscription_preferences.topics` stores one boolean per topic.\n- **C15 one topic by dot notation.** A key `cio_subscription_preferences.topics.topic_<id>` changes that\n  topic and keeps the others, whereas the object form replaces the preferences it names.\n- **C16 anonymous_id.** Links events that carry the same anonymous value to the person; a value held by\n  one person is never given to another.\n- **C17 unsubscribed.** `true` unsubscribes the person from every message; `false` or absent leaves them\n  to their subscription preferences.\n- **C18 relationship action.** `cio_relationships.action` adds the listed relationships or removes them.\n- **C19 relationship identifiers.** Each relationship names an object by `object_type_id` and\n  `object_id`, both required; an existing `object_id` refers to that object.\n- **C20 object type ids.** `object_type_id` is a string holding a whole number from 1 upwards.\n- **C21 relationship attributes.** Attributes of the relationship itself; `null` or `\"\"` removes one.\n- **C22 created_at.** The Unix time, in whole seconds, at which the person was created.\n\n**`_update`**\n\n- **C23 no create.** With `_update: true` no person is ever created, even when the path identifier is\n  unknown.\n- **C24 failed attribute change.** With `_update: true`, identifiers that belong to nobody produce a\n  \"Failed Attribute Change\" entry in the activity log, and nothing is created.\n\n**Known limits.** Identifiers (path, `id`, `email`, `anonymous_id`) and attribute names are at most\n150 bytes of UTF-8; an attribute value is at most 1000 bytes; one call carries at most 300 attributes.\nTimes are Unix seconds: a value in milliseconds is stored but is useless as a time.\n",
        "parameters": [
          {
            "name": "identifier",
            "in": "path",
            "required": true,
            "description": "The person this request is about, in one of three forms (rule C10):\n\n- an **id**, the workspace's own identifier for the person (case-sensitive);\n- an **email address**, in workspaces that identify people by email (case-insensitive, rule C9);\n- **`cio_<cio_id>`**, Customer.io's internal identifier with the `cio_` prefix. Only this form can\n  change an `id` or `email` that is already set (rules C5, C7). A `cio_id` that does not exist, or\n  belongs to a deleted person, makes the server drop the request (rule C8).\n\nThe server decides the form from the value's shape. The value is URL-encoded exactly once in the\npath (`a+b@example.com` travels as `a%2Bb%40example.com`) and is at most 150 bytes of UTF-8.\n",
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
                "type": "object",
                "description": "Attributes of a person. The fields below have a meaning to Customer.io; every other key is a custom\nattribute.\n\n**Custom attributes.** A custom value may be a string, a number, a boolean, `null`, an array or an\nobject. This is wider than Customer.io's own published document (string, integer, boolean), because\nworkspaces store floats, lists and nested objects in practice. `null` or an empty string removes the\nattribute from the person. Limits: a name is 1 to 150 bytes; a value, written as JSON, is at most 1000\nbytes; at most 300 attributes per call. Names starting with `_` are reserved for Customer.io.\n",
                "maxProperties": 300,
                "propertyNames": {
                  "minLength": 1,
                  "maxLength": 150
                },
                "properties": {
                  "id": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 150,
                    "description": "The workspace's own identifier for the person (case-sensitive, at most 150 bytes). A person\nreferenced by email in the path may be given an id (C11); an id that is already set changes only\nwhen the path is `cio_<cio_id>` (C5, C7).\n",
                    "examples": [
                      "user-5678"
                    ]
                  },
                  "email": {
                    "type": "string",
                    "format": "email",
                    "minLength": 3,
                    "maxLength": 150,
                    "description": "The person's email address (C13). Where the workspace identifies people by email it is an\nidentifier and case-insensitive (C9). Once set it changes only through a `cio_` reference (C5),\nor by id when \"Allow updates to email using ID\" is on (C6).\n",
                    "examples": [
                      "ada@example.com"
                    ]
                  },
                  "anonymous_id": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 150,
                    "description": "An anonymous value such as a cookie id. Events that carry it are attributed to this person. A value\nbelongs to one person only and cannot be reused by another (C16).\n",
                    "examples": [
                      "anon-2f6c9b"
                    ]
                  },
                  "created_at": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "When the person was created, as Unix time in whole **seconds** (C22). Milliseconds (values above\n10^11) are accepted by the server but break every time-based feature, so clients should reject them.\n",
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
                    "description": "Unix time in whole seconds at which these attributes were true. When updates for one person arrive\nout of order, the server keeps the values with the newest `_timestamp`.\n",
                    "examples": [
                      1700000500
                    ]
                  },
                  "unsubscribed": {
                    "description": "`true` unsubscribes the person from every message; `false` or absent leaves them eligible as their\nsubscription preferences say (C17). Send a boolean. For compatibility the server also reads\n`\"true\"` in any case, `1` and `\"1\"` as true, and any other string or number as false.\n",
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
                    "description": "The person's subscription preferences (C14). Sending this object replaces the preferences it names:\ntopics left out of `topics` return to the workspace's default. To change one topic and keep the others,\nuse the dot-notation key instead (C15). People set these themselves through the subscription center;\nthis field sets them from outside it.\n",
                    "additionalProperties": false,
                    "properties": {
                      "topics": {
                        "type": "object",
                        "description": "One boolean per topic, keyed `topic_<id>`; `true` subscribes, `false` unsubscribes.",
                        "additionalProperties": false,
                        "patternProperties": {
                          "^topic_[1-9][0-9]*$": {
                            "type": "boolean"
                          }
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
                    "description": "Relationships between the person and objects (non-person entities such as companies or courses). The\n`action` decides whether the listed relationships are added or removed (C18).\n",
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
                        "default": "add_relationships",
                        "description": "`add_relationships` relates the person to each listed object; `delete_relationships` removes those\nrelationships. Defaults to `add_relationships`.\n"
                      },
                      "relationships": {
                        "type": "array",
                        "description": "One entry per object to relate to, or to stop relating to.",
                        "maxItems": 300,
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
                              "description": "The object, named by its type and its id (C19).",
                              "required": [
                                "object_type_id",
                                "object_id"
                              ],
                              "additionalProperties": false,
                              "properties": {
                                "object_type_id": {
                                  "type": "string",
                                  "pattern": "^[1-9][0-9]*$",
                                  "maxLength": 20,
                                  "description": "The object's type, as a string holding a whole number. Types are numbered from 1 in the order the\nworkspace created them, for example \"1\" for Companies (C20).\n",
                                  "examples": [
                                    "1"
                                  ]
                                },
                                "object_id": {
                                  "type": "string",
                                  "minLength": 1,
                                  "maxLength": 150,
                                  "description": "The object's own id within its type. An id that already exists refers to that object; a new one\ncreates it (C19).\n",
                                  "examples": [
                                    "acme"
                                  ]
                                }
                              }
                            },
                            "relationship_attributes": {
                              "type": "object",
                              "description": "Attributes of the relationship itself, such as a role. `null` or `\"\"` removes that attribute from\nthe relationship (C21). Workspaces without relationship attributes accept and ignore them.\n",
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
                },
                "patternProperties": {
                  "^cio_subscription_preferences\\.topics\\.topic_[1-9][0-9]*$": {
                    "type": "boolean",
                    "description": "Dot notation for one topic, for example `\"cio_subscription_preferences.topics.topic_3\": false`. Only\nthat topic changes; the other topics keep their values (C15).\n"
                  }
                },
                "additionalProperties": {
                  "description": "The value of a custom attribute: a string (at most 1000 bytes), a number, a boolean, `null`, an array or\nan object (at most 1000 bytes written as JSON). `null` and `\"\"` remove the attribute.\n",
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
                      "items": true
                    },
                    {
                      "type": "object",
                      "additionalProperties": true
                    }
                  ]
                }
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
                  "description": "The server keeps the values of the newest _timestamp when updates arrive out of order.",
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
            "description": "The request was accepted. The body is always `{}`: it does not say whether a conflicting identifier was\nrefused (C4), a `_update` found nobody (C24) or a `cio_` request was dropped (C8). Only the activity log\nshows those.\n",
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
            "description": "The workspace lives in the other data center: a request sent to the US host for an EU workspace is\nredirected to the same path on the EU host (which status Customer.io uses is not documented; clients\nshould handle 301, 307 and 308 alike). A client must repeat the PUT with its body and credentials, which\nmost HTTP stacks drop on a cross-origin redirect; asking `GET /api/v1/accounts/region` once avoids the\nredirect altogether.\n",
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
            "description": "The workspace lives in the other data center: a request sent to the US host for an EU workspace is\nredirected to the same path on the EU host (which status Customer.io uses is not documented; clients\nshould handle 301, 307 and 308 alike). A client must repeat the PUT with its body and credentials, which\nmost HTTP stacks drop on a cross-origin redirect; asking `GET /api/v1/accounts/region` once avoids the\nredirect altogether.\n",
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
            "description": "The workspace lives in the other data center: a request sent to the US host for an EU workspace is\nredirected to the same path on the EU host (which status Customer.io uses is not documented; clients\nshould handle 301, 307 and 308 alike). A client must repeat the PUT with its body and credentials, which\nmost HTTP stacks drop on a cross-origin redirect; asking `GET /api/v1/accounts/region` once avoids the\nredirect altogether.\n",
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
            "description": "The request was malformed, or broke a known limit. The envelope names the problem.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "Customer.io's error envelope for the Track API. A single message arrives as `meta.error`, several as\n`meta.errors`.\n",
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
                          "value for attribute 'bio' cannot be longer than 1000 bytes"
                        ]
                      }
                    }
                  },
                  "malformed": {
                    "summary": "A body that is not JSON",
                    "value": {
                      "meta": {
                        "error": "request body is not valid JSON"
                      }
                    }
                  }
                }
              }
            }
          },
          "401": {
            "description": "The site ID and API key were missing or refused. Customer.io has answered this as plain text\n(`Unauthorized request`) and as a JSON envelope, so clients must read both.\n",
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
                  "description": "Customer.io's error envelope for the Track API. A single message arrives as `meta.error`, several as\n`meta.errors`.\n",
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
                  "envelope": {
                    "summary": "JSON envelope",
                    "value": {
                      "meta": {
                        "error": "Unauthorized request"
                      }
                    }
                  }
                }
              }
            }
          },
          "413": {
            "description": "The body is larger than the server accepts.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "Customer.io's error envelope for the Track API. A single message arrives as `meta.error`, several as\n`meta.errors`.\n",
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
                  "tooLarge": {
                    "summary": "Body too large",
                    "value": {
                      "meta": {
                        "error": "request body is larger than 1048576 bytes"
                      }
                    }
                  }
                }
              }
            }
          },
          "429": {
            "description": "Too many requests. Customer.io publishes a fair-use rate rather than a hard limit; wait as long as\n`Retry-After` says, when present, before trying again.\n",
            "headers": {
              "Retry-After": {
                "description": "How long to wait before trying again, in seconds or as an HTTP date.",
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
                  "description": "Customer.io's error envelope for the Track API. A single message arrives as `meta.error`, several as\n`meta.errors`.\n",
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
          "5XX": {
            "description": "A failure on the server's side or in a proxy in front of it. The body may be JSON, plain text or an HTML\npage. The change may or may not have been saved.\n",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "Customer.io's error envelope for the Track API. A single message arrives as `meta.error`, several as\n`meta.errors`.\n",
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
        "description": "Tells which data center holds the workspace that the credentials belong to, and which Track API host to\nuse for it. Any Track host answers it, so a client can ask the United States host once and then send\nevery other call straight to the host named in `url`, instead of relying on a redirect from the US host\nto the EU host (which many HTTP clients follow without the `Authorization` header). The answer does not\nchange for a workspace, so clients may keep it for as long as they use the same credentials.\n",
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
            "description": "The site ID and API key were missing or refused. Customer.io has answered this as plain text\n(`Unauthorized request`) and as a JSON envelope, so clients must read both.\n",
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
                  "description": "Customer.io's error envelope for the Track API. A single message arrives as `meta.error`, several as\n`meta.errors`.\n",
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
                  "envelope": {
                    "summary": "JSON envelope",
                    "value": {
                      "meta": {
                        "error": "Unauthorized request"
                      }
                    }
                  }
                }
              }
            }
          },
          "5XX": {
            "description": "A failure on the server's side or in a proxy in front of it. The body may be JSON, plain text or an HTML\npage. The change may or may not have been saved.\n",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "Customer.io's error envelope for the Track API. A single message arrives as `meta.error`, several as\n`meta.errors`.\n",
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
        "description": "The person this request is about, in one of three forms (rule C10):\n\n- an **id**, the workspace's own identifier for the person (case-sensitive);\n- an **email address**, in workspaces that identify people by email (case-insensitive, rule C9);\n- **`cio_<cio_id>`**, Customer.io's internal identifier with the `cio_` prefix. Only this form can\n  change an `id` or `email` that is already set (rules C5, C7). A `cio_id` that does not exist, or\n  belongs to a deleted person, makes the server drop the request (rule C8).\n\nThe server decides the form from the value's shape. The value is URL-encoded exactly once in the\npath (`a+b@example.com` travels as `a%2Bb%40example.com`) and is at most 150 bytes of UTF-8.\n",
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
    "requestBodies": {
      "Person": {
        "required": true,
        "description": "The attributes to set on the person. Every field is optional, and any other key is stored as a custom\nattribute. An empty object `{}` is a valid body.\n",
        "content": {
          "application/json": {
            "schema": {
              "type": "object",
              "description": "Attributes of a person. The fields below have a meaning to Customer.io; every other key is a custom\nattribute.\n\n**Custom attributes.** A custom value may be a string, a number, a boolean, `null`, an array or an\nobject. This is wider than Customer.io's own published document (string, integer, boolean), because\nworkspaces store floats, lists and nested objects in practice. `null` or an empty string removes the\nattribute from the person. Limits: a name is 1 to 150 bytes; a value, written as JSON, is at most 1000\nbytes; at most 300 attributes per call. Names starting with `_` are reserved for Customer.io.\n",
              "maxProperties": 300,
              "propertyNames": {
                "minLength": 1,
                "maxLength": 150
              },
              "properties": {
                "id": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 150,
                  "description": "The workspace's own identifier for the person (case-sensitive, at most 150 bytes). A person\nreferenced by email in the path may be given an id (C11); an id that is already set changes only\nwhen the path is `cio_<cio_id>` (C5, C7).\n",
                  "examples": [
                    "user-5678"
                  ]
                },
                "email": {
                  "type": "string",
                  "format": "email",
                  "minLength": 3,
                  "maxLength": 150,
                  "description": "The person's email address (C13). Where the workspace identifies people by email it is an\nidentifier and case-insensitive (C9). Once set it changes only through a `cio_` reference (C5),\nor by id when \"Allow updates to email using ID\" is on (C6).\n",
                  "examples": [
                    "ada@example.com"
                  ]
                },
                "anonymous_id": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 150,
                  "description": "An anonymous value such as a cookie id. Events that carry it are attributed to this person. A value\nbelongs to one person only and cannot be reused by another (C16).\n",
                  "examples": [
                    "anon-2f6c9b"
                  ]
                },
                "created_at": {
                  "type": "integer",
                  "minimum": 0,
                  "description": "When the person was created, as Unix time in whole **seconds** (C22). Milliseconds (values above\n10^11) are accepted by the server but break every time-based feature, so clients should reject them.\n",
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
                  "description": "Unix time in whole seconds at which these attributes were true. When updates for one person arrive\nout of order, the server keeps the values with the newest `_timestamp`.\n",
                  "examples": [
                    1700000500
                  ]
                },
                "unsubscribed": {
                  "description": "`true` unsubscribes the person from every message; `false` or absent leaves them eligible as their\nsubscription preferences say (C17). Send a boolean. For compatibility the server also reads\n`\"true\"` in any case, `1` and `\"1\"` as true, and any other string or number as false.\n",
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
                  "description": "The person's subscription preferences (C14). Sending this object replaces the preferences it names:\ntopics left out of `topics` return to the workspace's default. To change one topic and keep the others,\nuse the dot-notation key instead (C15). People set these themselves through the subscription center;\nthis field sets them from outside it.\n",
                  "additionalProperties": false,
                  "properties": {
                    "topics": {
                      "type": "object",
                      "description": "One boolean per topic, keyed `topic_<id>`; `true` subscribes, `false` unsubscribes.",
                      "additionalProperties": false,
                      "patternProperties": {
                        "^topic_[1-9][0-9]*$": {
                          "type": "boolean"
                        }
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
                  "description": "Relationships between the person and objects (non-person entities such as companies or courses). The\n`action` decides whether the listed relationships are added or removed (C18).\n",
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
                      "default": "add_relationships",
                      "description": "`add_relationships` relates the person to each listed object; `delete_relationships` removes those\nrelationships. Defaults to `add_relationships`.\n"
                    },
                    "relationships": {
                      "type": "array",
                      "description": "One entry per object to relate to, or to stop relating to.",
                      "maxItems": 300,
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
                            "description": "The object, named by its type and its id (C19).",
                            "required": [
                              "object_type_id",
                              "object_id"
                            ],
                            "additionalProperties": false,
                            "properties": {
                              "object_type_id": {
                                "type": "string",
                                "pattern": "^[1-9][0-9]*$",
                                "maxLength": 20,
                                "description": "The object's type, as a string holding a whole number. Types are numbered from 1 in the order the\nworkspace created them, for example \"1\" for Companies (C20).\n",
                                "examples": [
                                  "1"
                                ]
                              },
                              "object_id": {
                                "type": "string",
                                "minLength": 1,
                                "maxLength": 150,
                                "description": "The object's own id within its type. An id that already exists refers to that object; a new one\ncreates it (C19).\n",
                                "examples": [
                                  "acme"
                                ]
                              }
                            }
                          },
                          "relationship_attributes": {
                            "type": "object",
                            "description": "Attributes of the relationship itself, such as a role. `null` or `\"\"` removes that attribute from\nthe relationship (C21). Workspaces without relationship attributes accept and ignore them.\n",
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
              },
              "patternProperties": {
                "^cio_subscription_preferences\\.topics\\.topic_[1-9][0-9]*$": {
                  "type": "boolean",
                  "description": "Dot notation for one topic, for example `\"cio_subscription_preferences.topics.topic_3\": false`. Only\nthat topic changes; the other topics keep their values (C15).\n"
                }
              },
              "additionalProperties": {
                "description": "The value of a custom attribute: a string (at most 1000 bytes), a number, a boolean, `null`, an array or\nan object (at most 1000 bytes written as JSON). `null` and `\"\"` remove the attribute.\n",
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
                    "items": true
                  },
                  {
                    "type": "object",
                    "additionalProperties": true
                  }
                ]
              }
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
                "description": "The server keeps the values of the newest _timestamp when updates arrive out of order.",
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
      }
    },
    "schemas": {
      "PersonAttributes": {
        "type": "object",
        "description": "Attributes of a person. The fields below have a meaning to Customer.io; every other key is a custom\nattribute.\n\n**Custom attributes.** A custom value may be a string, a number, a boolean, `null`, an array or an\nobject. This is wider than Customer.io's own published document (string, integer, boolean), because\nworkspaces store floats, lists and nested objects in practice. `null` or an empty string removes the\nattribute from the person. Limits: a name is 1 to 150 bytes; a value, written as JSON, is at most 1000\nbytes; at most 300 attributes per call. Names starting with `_` are reserved for Customer.io.\n",
        "maxProperties": 300,
        "propertyNames": {
          "minLength": 1,
          "maxLength": 150
        },
        "properties": {
          "id": {
            "type": "string",
            "minLength": 1,
            "maxLength": 150,
            "description": "The workspace's own identifier for the person (case-sensitive, at most 150 bytes). A person\nreferenced by email in the path may be given an id (C11); an id that is already set changes only\nwhen the path is `cio_<cio_id>` (C5, C7).\n",
            "examples": [
              "user-5678"
            ]
          },
          "email": {
            "type": "string",
            "format": "email",
            "minLength": 3,
            "maxLength": 150,
            "description": "The person's email address (C13). Where the workspace identifies people by email it is an\nidentifier and case-insensitive (C9). Once set it changes only through a `cio_` reference (C5),\nor by id when \"Allow updates to email using ID\" is on (C6).\n",
            "examples": [
              "ada@example.com"
            ]
          },
          "anonymous_id": {
            "type": "string",
            "minLength": 1,
            "maxLength": 150,
            "description": "An anonymous value such as a cookie id. Events that carry it are attributed to this person. A value\nbelongs to one person only and cannot be reused by another (C16).\n",
            "examples": [
              "anon-2f6c9b"
            ]
          },
          "created_at": {
            "type": "integer",
            "minimum": 0,
            "description": "When the person was created, as Unix time in whole **seconds** (C22). Milliseconds (values above\n10^11) are accepted by the server but break every time-based feature, so clients should reject them.\n",
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
            "description": "Unix time in whole seconds at which these attributes were true. When updates for one person arrive\nout of order, the server keeps the values with the newest `_timestamp`.\n",
            "examples": [
              1700000500
            ]
          },
          "unsubscribed": {
            "description": "`true` unsubscribes the person from every message; `false` or absent leaves them eligible as their\nsubscription preferences say (C17). Send a boolean. For compatibility the server also reads\n`\"true\"` in any case, `1` and `\"1\"` as true, and any other string or number as false.\n",
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
            "description": "The person's subscription preferences (C14). Sending this object replaces the preferences it names:\ntopics left out of `topics` return to the workspace's default. To change one topic and keep the others,\nuse the dot-notation key instead (C15). People set these themselves through the subscription center;\nthis field sets them from outside it.\n",
            "additionalProperties": false,
            "properties": {
              "topics": {
                "type": "object",
                "description": "One boolean per topic, keyed `topic_<id>`; `true` subscribes, `false` unsubscribes.",
                "additionalProperties": false,
                "patternProperties": {
                  "^topic_[1-9][0-9]*$": {
                    "type": "boolean"
                  }
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
            "description": "Relationships between the person and objects (non-person entities such as companies or courses). The\n`action` decides whether the listed relationships are added or removed (C18).\n",
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
                "default": "add_relationships",
                "description": "`add_relationships` relates the person to each listed object; `delete_relationships` removes those\nrelationships. Defaults to `add_relationships`.\n"
              },
              "relationships": {
                "type": "array",
                "description": "One entry per object to relate to, or to stop relating to.",
                "maxItems": 300,
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
                      "description": "The object, named by its type and its id (C19).",
                      "required": [
                        "object_type_id",
                        "object_id"
                      ],
                      "additionalProperties": false,
                      "properties": {
                        "object_type_id": {
                          "type": "string",
                          "pattern": "^[1-9][0-9]*$",
                          "maxLength": 20,
                          "description": "The object's type, as a string holding a whole number. Types are numbered from 1 in the order the\nworkspace created them, for example \"1\" for Companies (C20).\n",
                          "examples": [
                            "1"
                          ]
                        },
                        "object_id": {
                          "type": "string",
                          "minLength": 1,
                          "maxLength": 150,
                          "description": "The object's own id within its type. An id that already exists refers to that object; a new one\ncreates it (C19).\n",
                          "examples": [
                            "acme"
                          ]
                        }
                      }
                    },
                    "relationship_attributes": {
                      "type": "object",
                      "description": "Attributes of the relationship itself, such as a role. `null` or `\"\"` removes that attribute from\nthe relationship (C21). Workspaces without relationship attributes accept and ignore them.\n",
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
        },
        "patternProperties": {
          "^cio_subscription_preferences\\.topics\\.topic_[1-9][0-9]*$": {
            "type": "boolean",
            "description": "Dot notation for one topic, for example `\"cio_subscription_preferences.topics.topic_3\": false`. Only\nthat topic changes; the other topics keep their values (C15).\n"
          }
        },
        "additionalProperties": {
          "description": "The value of a custom attribute: a string (at most 1000 bytes), a number, a boolean, `null`, an array or\nan object (at most 1000 bytes written as JSON). `null` and `\"\"` remove the attribute.\n",
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
              "items": true
            },
            {
              "type": "object",
              "additionalProperties": true
            }
          ]
        }
      },
      "CustomAttributeValue": {
        "description": "The value of a custom attribute: a string (at most 1000 bytes), a number, a boolean, `null`, an array or\nan object (at most 1000 bytes written as JSON). `null` and `\"\"` remove the attribute.\n",
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
            "items": true
          },
          {
            "type": "object",
            "additionalProperties": true
          }
        ]
      },
      "SubscriptionPreferences": {
        "type": "object",
        "description": "The person's subscription preferences (C14). Sending this object replaces the preferences it names:\ntopics left out of `topics` return to the workspace's default. To change one topic and keep the others,\nuse the dot-notation key instead (C15). People set these themselves through the subscription center;\nthis field sets them from outside it.\n",
        "additionalProperties": false,
        "properties": {
          "topics": {
            "type": "object",
            "description": "One boolean per topic, keyed `topic_<id>`; `true` subscribes, `false` unsubscribes.",
            "additionalProperties": false,
            "patternProperties": {
              "^topic_[1-9][0-9]*$": {
                "type": "boolean"
              }
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
      "Relationships": {
        "type": "object",
        "description": "Relationships between the person and objects (non-person entities such as companies or courses). The\n`action` decides whether the listed relationships are added or removed (C18).\n",
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
            "default": "add_relationships",
            "description": "`add_relationships` relates the person to each listed object; `delete_relationships` removes those\nrelationships. Defaults to `add_relationships`.\n"
          },
          "relationships": {
            "type": "array",
            "description": "One entry per object to relate to, or to stop relating to.",
            "maxItems": 300,
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
                  "description": "The object, named by its type and its id (C19).",
                  "required": [
                    "object_type_id",
                    "object_id"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "object_type_id": {
                      "type": "string",
                      "pattern": "^[1-9][0-9]*$",
                      "maxLength": 20,
                      "description": "The object's type, as a string holding a whole number. Types are numbered from 1 in the order the\nworkspace created them, for example \"1\" for Companies (C20).\n",
                      "examples": [
                        "1"
                      ]
                    },
                    "object_id": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 150,
                      "description": "The object's own id within its type. An id that already exists refers to that object; a new one\ncreates it (C19).\n",
                      "examples": [
                        "acme"
                      ]
                    }
                  }
                },
                "relationship_attributes": {
                  "type": "object",
                  "description": "Attributes of the relationship itself, such as a role. `null` or `\"\"` removes that attribute from\nthe relationship (C21). Workspaces without relationship attributes accept and ignore them.\n",
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
            "description": "The object, named by its type and its id (C19).",
            "required": [
              "object_type_id",
              "object_id"
            ],
            "additionalProperties": false,
            "properties": {
              "object_type_id": {
                "type": "string",
                "pattern": "^[1-9][0-9]*$",
                "maxLength": 20,
                "description": "The object's type, as a string holding a whole number. Types are numbered from 1 in the order the\nworkspace created them, for example \"1\" for Companies (C20).\n",
                "examples": [
                  "1"
                ]
              },
              "object_id": {
                "type": "string",
                "minLength": 1,
                "maxLength": 150,
                "description": "The object's own id within its type. An id that already exists refers to that object; a new one\ncreates it (C19).\n",
                "examples": [
                  "acme"
                ]
              }
            }
          },
          "relationship_attributes": {
            "type": "object",
            "description": "Attributes of the relationship itself, such as a role. `null` or `\"\"` removes that attribute from\nthe relationship (C21). Workspaces without relationship attributes accept and ignore them.\n",
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
        "description": "Customer.io's error envelope for the Track API. A single message arrives as `meta.error`, several as\n`meta.errors`.\n",
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
        "description": "How long to wait before trying again, in seconds or as an HTTP date.",
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
        "description": "The workspace lives in the other data center: a request sent to the US host for an EU workspace is\nredirected to the same path on the EU host (which status Customer.io uses is not documented; clients\nshould handle 301, 307 and 308 alike). A client must repeat the PUT with its body and credentials, which\nmost HTTP stacks drop on a cross-origin redirect; asking `GET /api/v1/accounts/region` once avoids the\nredirect altogether.\n",
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
      "Accepted": {
        "description": "The request was accepted. The body is always `{}`: it does not say whether a conflicting identifier was\nrefused (C4), a `_update` found nobody (C24) or a `cio_` request was dropped (C8). Only the activity log\nshows those.\n",
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
      "BadRequest": {
        "description": "The request was malformed, or broke a known limit. The envelope names the problem.",
        "content": {
          "application/json": {
            "schema": {
              "type": "object",
              "description": "Customer.io's error envelope for the Track API. A single message arrives as `meta.error`, several as\n`meta.errors`.\n",
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
                      "value for attribute 'bio' cannot be longer than 1000 bytes"
                    ]
                  }
                }
              },
              "malformed": {
                "summary": "A body that is not JSON",
                "value": {
                  "meta": {
                    "error": "request body is not valid JSON"
                  }
                }
              }
            }
          }
        }
      },
      "Unauthorized": {
        "description": "The site ID and API key were missing or refused. Customer.io has answered this as plain text\n(`Unauthorized request`) and as a JSON envelope, so clients must read both.\n",
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
              "description": "Customer.io's error envelope for the Track API. A single message arrives as `meta.error`, several as\n`meta.errors`.\n",
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
              "envelope": {
                "summary": "JSON envelope",
                "value": {
                  "meta": {
                    "error": "Unauthorized request"
                  }
                }
              }
            }
          }
        }
      },
      "PayloadTooLarge": {
        "description": "The body is larger than the server accepts.",
        "content": {
          "application/json": {
            "schema": {
              "type": "object",
              "description": "Customer.io's error envelope for the Track API. A single message arrives as `meta.error`, several as\n`meta.errors`.\n",
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
              "tooLarge": {
                "summary": "Body too large",
                "value": {
                  "meta": {
                    "error": "request body is larger than 1048576 bytes"
                  }
                }
              }
            }
          }
        }
      },
      "TooManyRequests": {
        "description": "Too many requests. Customer.io publishes a fair-use rate rather than a hard limit; wait as long as\n`Retry-After` says, when present, before trying again.\n",
        "headers": {
          "Retry-After": {
            "description": "How long to wait before trying again, in seconds or as an HTTP date.",
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
              "description": "Customer.io's error envelope for the Track API. A single message arrives as `meta.error`, several as\n`meta.errors`.\n",
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
      "ServerError": {
        "description": "A failure on the server's side or in a proxy in front of it. The body may be JSON, plain text or an HTML\npage. The change may or may not have been saved.\n",
        "content": {
          "application/json": {
            "schema": {
              "type": "object",
              "description": "Customer.io's error envelope for the Track API. A single message arrives as `meta.error`, several as\n`meta.errors`.\n",
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
};

export default document;
