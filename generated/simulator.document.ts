/**
 * Generated from openapi/simulator.yaml by `npm run generate`. Do not edit: change the document and regenerate.
 * The document with every $ref resolved, for runtime validation.
 */

import type { OpenApiDocument } from "./document-type.js";

const document: OpenApiDocument = {
  "x-generated": "Generated from openapi/simulator.yaml by `npm run generate`. Do not edit: change the document and regenerate.",
  "openapi": "3.1.0",
  "info": {
    "title": "cio-customers simulator — inspection API",
    "version": "1.0.0",
    "summary": "Look inside the reference simulator of PUT /api/v1/customers/{identifier}, and arrange its workspace.",
    "description": "The `cio-customers` simulator answers `PUT /api/v1/customers/{identifier}` exactly as\n`openapi/customers.yaml` describes it, keeping a workspace of people and an activity log. Like the real\nendpoint it answers `200 {}` to requests it then refuses in part, so these routes exist to make the outcome\nobservable: who the workspace holds, and which rule (C1–C24) decided what.\n\nEvery route lives under the reserved prefix `/__simulator/`, which no Track API path uses, and is protected\nby the same HTTP Basic credentials as the Track API routes of the same simulator. The simulator is a local\ntest double: it keeps everything in memory and forgets it when it stops, unless it was started with a state\nfile.\n",
    "license": {
      "name": "MIT",
      "identifier": "MIT"
    },
    "contact": {
      "name": "cio-customers"
    }
  },
  "servers": [
    {
      "url": "http://127.0.0.1:4010",
      "description": "A simulator started with npm run simulate (or cio-customers simulate) on its default port."
    }
  ],
  "security": [
    {
      "simulatorBasicAuth": []
    }
  ],
  "tags": [
    {
      "name": "People",
      "description": "The people of the simulated workspace, live and deleted."
    },
    {
      "name": "Activity",
      "description": "The activity log, where refused identifiers, dropped requests and `_update` misses show up, and the request\nlog behind it: every Track API request with the answer it got.\n"
    },
    {
      "name": "Workspace",
      "description": "Workspace settings, and emptying the workspace between tests."
    },
    {
      "name": "Faults",
      "description": "Failures injected into the Track API routes on demand (latency, error statuses, broken connections,\ntruncated bodies, HTML error pages, the US→EU redirect), and the counters that show what was applied.\n"
    }
  ],
  "paths": {
    "/__simulator/people": {
      "get": {
        "operationId": "listPeople",
        "tags": [
          "People"
        ],
        "summary": "List people, a page at a time",
        "description": "The people of the workspace, oldest first, a page at a time: pass the `next_cursor` of a page as `cursor`\nto get the next one; the listing has ended when `next_cursor` is null. Deleted people are left out unless\n`include_deleted=true`.\n\nA page holds at most `limit` people and looks at no more than 20,000 stored people, so that it costs the\nsame at any size of workspace. A page may therefore hold fewer than `limit` people (even none, when most\npeople are deleted) and still have a `next_cursor`.\n\n`q` finds people by an exact identifier: the person whose cio_id (with or without `cio_`) or id is `q`, and\neveryone whose email address is `q`, compared as the workspace compares addresses (case-insensitively,\nrule C9). Matching is exact rather than by prefix, so that a search is one index lookup at any size.\n",
        "parameters": [
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "The most items one page holds.",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000,
              "default": 100
            }
          },
          {
            "name": "cursor",
            "in": "query",
            "required": false,
            "description": "The `next_cursor` of the page before, as it came. A cursor given before the workspace was reset is\nrefused (400).\n",
            "schema": {
              "type": "string",
              "minLength": 1
            }
          },
          {
            "name": "q",
            "in": "query",
            "required": false,
            "description": "An exact cio_id, id or email address.",
            "schema": {
              "type": "string",
              "minLength": 1
            }
          },
          {
            "name": "include_deleted",
            "in": "query",
            "required": false,
            "description": "Also list people who were deleted (their identifiers are free again).",
            "schema": {
              "type": "boolean",
              "default": false
            }
          }
        ],
        "responses": {
          "200": {
            "description": "One page of people.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "One page of people, oldest first.",
                  "required": [
                    "people",
                    "next_cursor"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "people": {
                      "type": "array",
                      "description": "The people.",
                      "items": {
                        "type": "object",
                        "description": "A person as the simulated workspace holds them.",
                        "required": [
                          "cio_id",
                          "attributes",
                          "topics",
                          "unsubscribed",
                          "relationships",
                          "deleted"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "cio_id": {
                            "type": "string",
                            "description": "The workspace's internal id, without the `cio_` prefix.",
                            "examples": [
                              "0300000000000001"
                            ]
                          },
                          "id": {
                            "type": "string",
                            "description": "The person's id, if set."
                          },
                          "email": {
                            "type": "string",
                            "description": "The person's email address as first given, if set."
                          },
                          "anonymous_id": {
                            "type": "string",
                            "description": "The anonymous id currently linked to the person, if any (rule C16)."
                          },
                          "created_at": {
                            "type": "integer",
                            "description": "Unix seconds, as last sent in `created_at` (rule C22)."
                          },
                          "attributes": {
                            "type": "object",
                            "description": "Custom attributes. Identifiers and the fields below are not repeated here.",
                            "additionalProperties": true
                          },
                          "topics": {
                            "type": "object",
                            "description": "One boolean per topic, keyed `topic_<id>` (rule C14).",
                            "additionalProperties": false,
                            "patternProperties": {
                              "^topic_[1-9][0-9]*$": {
                                "type": "boolean"
                              }
                            }
                          },
                          "unsubscribed": {
                            "type": "boolean",
                            "description": "Whether the person is unsubscribed from every message (rule C17)."
                          },
                          "relationships": {
                            "type": "array",
                            "description": "Relationships, in the order they were first added.",
                            "items": {
                              "type": "object",
                              "description": "A relationship of the person to an object, named by type and id (rules C19, C20).",
                              "required": [
                                "object_type_id",
                                "object_id",
                                "attributes"
                              ],
                              "additionalProperties": false,
                              "properties": {
                                "object_type_id": {
                                  "type": "string",
                                  "pattern": "^[1-9][0-9]*$",
                                  "description": "The object's type, a whole number from 1 written as a string."
                                },
                                "object_id": {
                                  "type": "string",
                                  "description": "The object's id within its type."
                                },
                                "attributes": {
                                  "type": "object",
                                  "description": "Attributes of the relationship (rule C21).",
                                  "additionalProperties": {
                                    "type": [
                                      "string",
                                      "number",
                                      "boolean"
                                    ]
                                  }
                                }
                              }
                            }
                          },
                          "deleted": {
                            "type": "boolean",
                            "description": "Whether the person was deleted."
                          },
                          "last_timestamp": {
                            "type": "integer",
                            "description": "The newest `_timestamp` applied to the person, if any."
                          }
                        }
                      }
                    },
                    "next_cursor": {
                      "type": [
                        "string",
                        "null"
                      ],
                      "description": "Pass as `cursor` for the next page; null on the last page."
                    }
                  }
                }
              }
            }
          },
          "400": {
            "description": "The query or body broke the schema. The envelope names each problem.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "The same envelope as the Track API's errors.",
                  "required": [
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "meta": {
                      "type": "object",
                      "description": "One message as `error`, several as `errors`.",
                      "minProperties": 1,
                      "additionalProperties": false,
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
                    },
                    "problems": {
                      "type": "array",
                      "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
                      "items": {
                        "type": "object",
                        "description": "One problem of a request, in the shape used across the project.",
                        "required": [
                          "code",
                          "path",
                          "message"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "code": {
                            "type": "string",
                            "pattern": "^[a-z][a-z0-9_]*$",
                            "description": "Stable and machine-readable, in snake_case."
                          },
                          "path": {
                            "type": "array",
                            "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                            "items": {
                              "type": [
                                "string",
                                "integer"
                              ]
                            }
                          },
                          "message": {
                            "type": "string",
                            "description": "For people; names the element, never its value."
                          },
                          "source": {
                            "type": "string",
                            "enum": [
                              "seed",
                              "customerio",
                              "lint",
                              "bound"
                            ],
                            "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "401": {
            "description": "The Basic credentials were missing or wrong.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "The same envelope as the Track API's errors.",
                  "required": [
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "meta": {
                      "type": "object",
                      "description": "One message as `error`, several as `errors`.",
                      "minProperties": 1,
                      "additionalProperties": false,
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
                    },
                    "problems": {
                      "type": "array",
                      "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
                      "items": {
                        "type": "object",
                        "description": "One problem of a request, in the shape used across the project.",
                        "required": [
                          "code",
                          "path",
                          "message"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "code": {
                            "type": "string",
                            "pattern": "^[a-z][a-z0-9_]*$",
                            "description": "Stable and machine-readable, in snake_case."
                          },
                          "path": {
                            "type": "array",
                            "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                            "items": {
                              "type": [
                                "string",
                                "integer"
                              ]
                            }
                          },
                          "message": {
                            "type": "string",
                            "description": "For people; names the element, never its value."
                          },
                          "source": {
                            "type": "string",
                            "enum": [
                              "seed",
                              "customerio",
                              "lint",
                              "bound"
                            ],
                            "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      },
      "post": {
        "operationId": "seedPeople",
        "tags": [
          "People"
        ],
        "summary": "Add people directly",
        "description": "Puts people into the workspace without going through the identify rules, to arrange a test. Each\nidentifier (`id`, `email`, `anonymous_id`, `cio_id`) must be free; a person without `cio_id` is given one.\nEither every person is added or, on any problem, none is.\n",
        "requestBody": {
          "required": true,
          "description": "The people to add.",
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "description": "People to add.",
                "required": [
                  "people"
                ],
                "additionalProperties": false,
                "properties": {
                  "people": {
                    "type": "array",
                    "description": "The people, added in this order: at most 1000 per call, so that one call never holds up the other\nrequests for long. Send a larger workspace in several calls.\n",
                    "maxItems": 1000,
                    "items": {
                      "type": "object",
                      "description": "A person to put into the workspace directly.",
                      "additionalProperties": false,
                      "properties": {
                        "cio_id": {
                          "type": "string",
                          "minLength": 1,
                          "maxLength": 150,
                          "description": "The cio_id to give, with or without the `cio_` prefix; generated when left out.",
                          "not": {
                            "const": "cio_"
                          }
                        },
                        "id": {
                          "type": "string",
                          "minLength": 1,
                          "maxLength": 150,
                          "description": "The person's id."
                        },
                        "email": {
                          "type": "string",
                          "format": "email",
                          "maxLength": 150,
                          "description": "The person's email address."
                        },
                        "anonymous_id": {
                          "type": "string",
                          "minLength": 1,
                          "maxLength": 150,
                          "description": "An anonymous id to link to the person."
                        },
                        "created_at": {
                          "type": "integer",
                          "minimum": 0,
                          "description": "Unix seconds."
                        },
                        "unsubscribed": {
                          "type": "boolean",
                          "description": "Whether the person is unsubscribed from every message."
                        },
                        "attributes": {
                          "type": "object",
                          "description": "Custom attributes; `null` and `\"\"` values are left out, as an identify call would.",
                          "additionalProperties": true
                        },
                        "topics": {
                          "type": "object",
                          "description": "One boolean per topic, keyed `topic_<id>` (rule C14).",
                          "additionalProperties": false,
                          "patternProperties": {
                            "^topic_[1-9][0-9]*$": {
                              "type": "boolean"
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The people as stored, in the order given.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "A list of people.",
                  "required": [
                    "people"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "people": {
                      "type": "array",
                      "description": "The people.",
                      "items": {
                        "type": "object",
                        "description": "A person as the simulated workspace holds them.",
                        "required": [
                          "cio_id",
                          "attributes",
                          "topics",
                          "unsubscribed",
                          "relationships",
                          "deleted"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "cio_id": {
                            "type": "string",
                            "description": "The workspace's internal id, without the `cio_` prefix.",
                            "examples": [
                              "0300000000000001"
                            ]
                          },
                          "id": {
                            "type": "string",
                            "description": "The person's id, if set."
                          },
                          "email": {
                            "type": "string",
                            "description": "The person's email address as first given, if set."
                          },
                          "anonymous_id": {
                            "type": "string",
                            "description": "The anonymous id currently linked to the person, if any (rule C16)."
                          },
                          "created_at": {
                            "type": "integer",
                            "description": "Unix seconds, as last sent in `created_at` (rule C22)."
                          },
                          "attributes": {
                            "type": "object",
                            "description": "Custom attributes. Identifiers and the fields below are not repeated here.",
                            "additionalProperties": true
                          },
                          "topics": {
                            "type": "object",
                            "description": "One boolean per topic, keyed `topic_<id>` (rule C14).",
                            "additionalProperties": false,
                            "patternProperties": {
                              "^topic_[1-9][0-9]*$": {
                                "type": "boolean"
                              }
                            }
                          },
                          "unsubscribed": {
                            "type": "boolean",
                            "description": "Whether the person is unsubscribed from every message (rule C17)."
                          },
                          "relationships": {
                            "type": "array",
                            "description": "Relationships, in the order they were first added.",
                            "items": {
                              "type": "object",
                              "description": "A relationship of the person to an object, named by type and id (rules C19, C20).",
                              "required": [
                                "object_type_id",
                                "object_id",
                                "attributes"
                              ],
                              "additionalProperties": false,
                              "properties": {
                                "object_type_id": {
                                  "type": "string",
                                  "pattern": "^[1-9][0-9]*$",
                                  "description": "The object's type, a whole number from 1 written as a string."
                                },
                                "object_id": {
                                  "type": "string",
                                  "description": "The object's id within its type."
                                },
                                "attributes": {
                                  "type": "object",
                                  "description": "Attributes of the relationship (rule C21).",
                                  "additionalProperties": {
                                    "type": [
                                      "string",
                                      "number",
                                      "boolean"
                                    ]
                                  }
                                }
                              }
                            }
                          },
                          "deleted": {
                            "type": "boolean",
                            "description": "Whether the person was deleted."
                          },
                          "last_timestamp": {
                            "type": "integer",
                            "description": "The newest `_timestamp` applied to the person, if any."
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "description": "The query or body broke the schema. The envelope names each problem.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "The same envelope as the Track API's errors.",
                  "required": [
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "meta": {
                      "type": "object",
                      "description": "One message as `error`, several as `errors`.",
                      "minProperties": 1,
                      "additionalProperties": false,
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
                    },
                    "problems": {
                      "type": "array",
                      "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
                      "items": {
                        "type": "object",
                        "description": "One problem of a request, in the shape used across the project.",
                        "required": [
                          "code",
                          "path",
                          "message"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "code": {
                            "type": "string",
                            "pattern": "^[a-z][a-z0-9_]*$",
                            "description": "Stable and machine-readable, in snake_case."
                          },
                          "path": {
                            "type": "array",
                            "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                            "items": {
                              "type": [
                                "string",
                                "integer"
                              ]
                            }
                          },
                          "message": {
                            "type": "string",
                            "description": "For people; names the element, never its value."
                          },
                          "source": {
                            "type": "string",
                            "enum": [
                              "seed",
                              "customerio",
                              "lint",
                              "bound"
                            ],
                            "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "401": {
            "description": "The Basic credentials were missing or wrong.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "The same envelope as the Track API's errors.",
                  "required": [
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "meta": {
                      "type": "object",
                      "description": "One message as `error`, several as `errors`.",
                      "minProperties": 1,
                      "additionalProperties": false,
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
                    },
                    "problems": {
                      "type": "array",
                      "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
                      "items": {
                        "type": "object",
                        "description": "One problem of a request, in the shape used across the project.",
                        "required": [
                          "code",
                          "path",
                          "message"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "code": {
                            "type": "string",
                            "pattern": "^[a-z][a-z0-9_]*$",
                            "description": "Stable and machine-readable, in snake_case."
                          },
                          "path": {
                            "type": "array",
                            "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                            "items": {
                              "type": [
                                "string",
                                "integer"
                              ]
                            }
                          },
                          "message": {
                            "type": "string",
                            "description": "For people; names the element, never its value."
                          },
                          "source": {
                            "type": "string",
                            "enum": [
                              "seed",
                              "customerio",
                              "lint",
                              "bound"
                            ],
                            "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "409": {
            "description": "An identifier of a person to add is already held by someone in the workspace or in the same request\n(`identifier_taken`), or the workspace was reset, from code in the simulator's process, while the batch was\nbeing added (`workspace_reset`). Either way nobody from the request is in the workspace.\n",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "The same envelope as the Track API's errors.",
                  "required": [
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "meta": {
                      "type": "object",
                      "description": "One message as `error`, several as `errors`.",
                      "minProperties": 1,
                      "additionalProperties": false,
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
                    },
                    "problems": {
                      "type": "array",
                      "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
                      "items": {
                        "type": "object",
                        "description": "One problem of a request, in the shape used across the project.",
                        "required": [
                          "code",
                          "path",
                          "message"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "code": {
                            "type": "string",
                            "pattern": "^[a-z][a-z0-9_]*$",
                            "description": "Stable and machine-readable, in snake_case."
                          },
                          "path": {
                            "type": "array",
                            "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                            "items": {
                              "type": [
                                "string",
                                "integer"
                              ]
                            }
                          },
                          "message": {
                            "type": "string",
                            "description": "For people; names the element, never its value."
                          },
                          "source": {
                            "type": "string",
                            "enum": [
                              "seed",
                              "customerio",
                              "lint",
                              "bound"
                            ],
                            "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    },
    "/__simulator/people/lookup": {
      "get": {
        "operationId": "lookupPerson",
        "tags": [
          "People"
        ],
        "summary": "Find one person",
        "description": "Finds a person by exactly one of `id` (case-sensitive), `email` (case-insensitive where the workspace\nidentifies people by email) or `cio_id` (with or without the `cio_` prefix). A lookup by `cio_id` also\nfinds a deleted person; the other two find live people only, unless `include_deleted=true`, which falls\nback to the most recently created deleted person who held that id or email.\n",
        "parameters": [
          {
            "name": "include_deleted",
            "in": "query",
            "required": false,
            "description": "Let `id` and `email` lookups find a deleted person when no live one matches.",
            "schema": {
              "type": "boolean",
              "default": false
            }
          },
          {
            "name": "id",
            "in": "query",
            "required": false,
            "description": "The person's id.",
            "schema": {
              "type": "string",
              "minLength": 1
            }
          },
          {
            "name": "email",
            "in": "query",
            "required": false,
            "description": "The person's email address.",
            "schema": {
              "type": "string",
              "minLength": 1
            }
          },
          {
            "name": "cio_id",
            "in": "query",
            "required": false,
            "description": "The person's cio_id, with or without the `cio_` prefix.",
            "schema": {
              "type": "string",
              "minLength": 1
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The person.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "A person as the simulated workspace holds them.",
                  "required": [
                    "cio_id",
                    "attributes",
                    "topics",
                    "unsubscribed",
                    "relationships",
                    "deleted"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "cio_id": {
                      "type": "string",
                      "description": "The workspace's internal id, without the `cio_` prefix.",
                      "examples": [
                        "0300000000000001"
                      ]
                    },
                    "id": {
                      "type": "string",
                      "description": "The person's id, if set."
                    },
                    "email": {
                      "type": "string",
                      "description": "The person's email address as first given, if set."
                    },
                    "anonymous_id": {
                      "type": "string",
                      "description": "The anonymous id currently linked to the person, if any (rule C16)."
                    },
                    "created_at": {
                      "type": "integer",
                      "description": "Unix seconds, as last sent in `created_at` (rule C22)."
                    },
                    "attributes": {
                      "type": "object",
                      "description": "Custom attributes. Identifiers and the fields below are not repeated here.",
                      "additionalProperties": true
                    },
                    "topics": {
                      "type": "object",
                      "description": "One boolean per topic, keyed `topic_<id>` (rule C14).",
                      "additionalProperties": false,
                      "patternProperties": {
                        "^topic_[1-9][0-9]*$": {
                          "type": "boolean"
                        }
                      }
                    },
                    "unsubscribed": {
                      "type": "boolean",
                      "description": "Whether the person is unsubscribed from every message (rule C17)."
                    },
                    "relationships": {
                      "type": "array",
                      "description": "Relationships, in the order they were first added.",
                      "items": {
                        "type": "object",
                        "description": "A relationship of the person to an object, named by type and id (rules C19, C20).",
                        "required": [
                          "object_type_id",
                          "object_id",
                          "attributes"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "object_type_id": {
                            "type": "string",
                            "pattern": "^[1-9][0-9]*$",
                            "description": "The object's type, a whole number from 1 written as a string."
                          },
                          "object_id": {
                            "type": "string",
                            "description": "The object's id within its type."
                          },
                          "attributes": {
                            "type": "object",
                            "description": "Attributes of the relationship (rule C21).",
                            "additionalProperties": {
                              "type": [
                                "string",
                                "number",
                                "boolean"
                              ]
                            }
                          }
                        }
                      }
                    },
                    "deleted": {
                      "type": "boolean",
                      "description": "Whether the person was deleted."
                    },
                    "last_timestamp": {
                      "type": "integer",
                      "description": "The newest `_timestamp` applied to the person, if any."
                    }
                  }
                }
              }
            }
          },
          "400": {
            "description": "The query or body broke the schema. The envelope names each problem.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "The same envelope as the Track API's errors.",
                  "required": [
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "meta": {
                      "type": "object",
                      "description": "One message as `error`, several as `errors`.",
                      "minProperties": 1,
                      "additionalProperties": false,
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
                    },
                    "problems": {
                      "type": "array",
                      "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
                      "items": {
                        "type": "object",
                        "description": "One problem of a request, in the shape used across the project.",
                        "required": [
                          "code",
                          "path",
                          "message"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "code": {
                            "type": "string",
                            "pattern": "^[a-z][a-z0-9_]*$",
                            "description": "Stable and machine-readable, in snake_case."
                          },
                          "path": {
                            "type": "array",
                            "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                            "items": {
                              "type": [
                                "string",
                                "integer"
                              ]
                            }
                          },
                          "message": {
                            "type": "string",
                            "description": "For people; names the element, never its value."
                          },
                          "source": {
                            "type": "string",
                            "enum": [
                              "seed",
                              "customerio",
                              "lint",
                              "bound"
                            ],
                            "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "401": {
            "description": "The Basic credentials were missing or wrong.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "The same envelope as the Track API's errors.",
                  "required": [
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "meta": {
                      "type": "object",
                      "description": "One message as `error`, several as `errors`.",
                      "minProperties": 1,
                      "additionalProperties": false,
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
                    },
                    "problems": {
                      "type": "array",
                      "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
                      "items": {
                        "type": "object",
                        "description": "One problem of a request, in the shape used across the project.",
                        "required": [
                          "code",
                          "path",
                          "message"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "code": {
                            "type": "string",
                            "pattern": "^[a-z][a-z0-9_]*$",
                            "description": "Stable and machine-readable, in snake_case."
                          },
                          "path": {
                            "type": "array",
                            "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                            "items": {
                              "type": [
                                "string",
                                "integer"
                              ]
                            }
                          },
                          "message": {
                            "type": "string",
                            "description": "For people; names the element, never its value."
                          },
                          "source": {
                            "type": "string",
                            "enum": [
                              "seed",
                              "customerio",
                              "lint",
                              "bound"
                            ],
                            "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "404": {
            "description": "Nobody matched.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "The same envelope as the Track API's errors.",
                  "required": [
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "meta": {
                      "type": "object",
                      "description": "One message as `error`, several as `errors`.",
                      "minProperties": 1,
                      "additionalProperties": false,
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
                    },
                    "problems": {
                      "type": "array",
                      "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
                      "items": {
                        "type": "object",
                        "description": "One problem of a request, in the shape used across the project.",
                        "required": [
                          "code",
                          "path",
                          "message"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "code": {
                            "type": "string",
                            "pattern": "^[a-z][a-z0-9_]*$",
                            "description": "Stable and machine-readable, in snake_case."
                          },
                          "path": {
                            "type": "array",
                            "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                            "items": {
                              "type": [
                                "string",
                                "integer"
                              ]
                            }
                          },
                          "message": {
                            "type": "string",
                            "description": "For people; names the element, never its value."
                          },
                          "source": {
                            "type": "string",
                            "enum": [
                              "seed",
                              "customerio",
                              "lint",
                              "bound"
                            ],
                            "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    },
    "/__simulator/people/{cio_id}": {
      "delete": {
        "operationId": "deletePerson",
        "tags": [
          "People"
        ],
        "summary": "Delete a person",
        "description": "Marks a live person as deleted and frees their identifiers, so that a later `cio_` reference to them is\ndropped (rule C8) and their id or email can be given to someone new. The record stays visible with\n`include_deleted=true`.\n",
        "parameters": [
          {
            "name": "cio_id",
            "in": "path",
            "required": true,
            "description": "The person's cio_id, with or without the `cio_` prefix.",
            "schema": {
              "type": "string",
              "minLength": 1
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The person as deleted.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "A person as the simulated workspace holds them.",
                  "required": [
                    "cio_id",
                    "attributes",
                    "topics",
                    "unsubscribed",
                    "relationships",
                    "deleted"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "cio_id": {
                      "type": "string",
                      "description": "The workspace's internal id, without the `cio_` prefix.",
                      "examples": [
                        "0300000000000001"
                      ]
                    },
                    "id": {
                      "type": "string",
                      "description": "The person's id, if set."
                    },
                    "email": {
                      "type": "string",
                      "description": "The person's email address as first given, if set."
                    },
                    "anonymous_id": {
                      "type": "string",
                      "description": "The anonymous id currently linked to the person, if any (rule C16)."
                    },
                    "created_at": {
                      "type": "integer",
                      "description": "Unix seconds, as last sent in `created_at` (rule C22)."
                    },
                    "attributes": {
                      "type": "object",
                      "description": "Custom attributes. Identifiers and the fields below are not repeated here.",
                      "additionalProperties": true
                    },
                    "topics": {
                      "type": "object",
                      "description": "One boolean per topic, keyed `topic_<id>` (rule C14).",
                      "additionalProperties": false,
                      "patternProperties": {
                        "^topic_[1-9][0-9]*$": {
                          "type": "boolean"
                        }
                      }
                    },
                    "unsubscribed": {
                      "type": "boolean",
                      "description": "Whether the person is unsubscribed from every message (rule C17)."
                    },
                    "relationships": {
                      "type": "array",
                      "description": "Relationships, in the order they were first added.",
                      "items": {
                        "type": "object",
                        "description": "A relationship of the person to an object, named by type and id (rules C19, C20).",
                        "required": [
                          "object_type_id",
                          "object_id",
                          "attributes"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "object_type_id": {
                            "type": "string",
                            "pattern": "^[1-9][0-9]*$",
                            "description": "The object's type, a whole number from 1 written as a string."
                          },
                          "object_id": {
                            "type": "string",
                            "description": "The object's id within its type."
                          },
                          "attributes": {
                            "type": "object",
                            "description": "Attributes of the relationship (rule C21).",
                            "additionalProperties": {
                              "type": [
                                "string",
                                "number",
                                "boolean"
                              ]
                            }
                          }
                        }
                      }
                    },
                    "deleted": {
                      "type": "boolean",
                      "description": "Whether the person was deleted."
                    },
                    "last_timestamp": {
                      "type": "integer",
                      "description": "The newest `_timestamp` applied to the person, if any."
                    }
                  }
                }
              }
            }
          },
          "401": {
            "description": "The Basic credentials were missing or wrong.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "The same envelope as the Track API's errors.",
                  "required": [
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "meta": {
                      "type": "object",
                      "description": "One message as `error`, several as `errors`.",
                      "minProperties": 1,
                      "additionalProperties": false,
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
                    },
                    "problems": {
                      "type": "array",
                      "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
                      "items": {
                        "type": "object",
                        "description": "One problem of a request, in the shape used across the project.",
                        "required": [
                          "code",
                          "path",
                          "message"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "code": {
                            "type": "string",
                            "pattern": "^[a-z][a-z0-9_]*$",
                            "description": "Stable and machine-readable, in snake_case."
                          },
                          "path": {
                            "type": "array",
                            "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                            "items": {
                              "type": [
                                "string",
                                "integer"
                              ]
                            }
                          },
                          "message": {
                            "type": "string",
                            "description": "For people; names the element, never its value."
                          },
                          "source": {
                            "type": "string",
                            "enum": [
                              "seed",
                              "customerio",
                              "lint",
                              "bound"
                            ],
                            "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "404": {
            "description": "Nobody matched.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "The same envelope as the Track API's errors.",
                  "required": [
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "meta": {
                      "type": "object",
                      "description": "One message as `error`, several as `errors`.",
                      "minProperties": 1,
                      "additionalProperties": false,
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
                    },
                    "problems": {
                      "type": "array",
                      "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
                      "items": {
                        "type": "object",
                        "description": "One problem of a request, in the shape used across the project.",
                        "required": [
                          "code",
                          "path",
                          "message"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "code": {
                            "type": "string",
                            "pattern": "^[a-z][a-z0-9_]*$",
                            "description": "Stable and machine-readable, in snake_case."
                          },
                          "path": {
                            "type": "array",
                            "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                            "items": {
                              "type": [
                                "string",
                                "integer"
                              ]
                            }
                          },
                          "message": {
                            "type": "string",
                            "description": "For people; names the element, never its value."
                          },
                          "source": {
                            "type": "string",
                            "enum": [
                              "seed",
                              "customerio",
                              "lint",
                              "bound"
                            ],
                            "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    },
    "/__simulator/activity": {
      "get": {
        "operationId": "listActivity",
        "tags": [
          "Activity"
        ],
        "summary": "Read the activity log, a page at a time",
        "description": "The activity log, oldest first (`order=desc`: newest first), a page at a time: pass the `next_cursor` of a\npage as `cursor`, with the same `order` and filters, to get the next one; the listing has ended when\n`next_cursor` is null. To follow the log, keep the `last_seq` of an answer and pass it as `since` later.\nThe log keeps the newest entries only (10 000 by default).\n\nA page holds at most `limit` entries and looks at no more than 20,000 entries, so a page of a rare `type`\nor `clause` may hold fewer than `limit` entries (even none) and still have a `next_cursor`.\n",
        "parameters": [
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "The most items one page holds.",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000,
              "default": 100
            }
          },
          {
            "name": "cursor",
            "in": "query",
            "required": false,
            "description": "The `next_cursor` of the page before, as it came. A cursor given before the workspace was reset is\nrefused (400).\n",
            "schema": {
              "type": "string",
              "minLength": 1
            }
          },
          {
            "name": "since",
            "in": "query",
            "required": false,
            "description": "Only entries whose `seq` is greater than this.",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "default": 0
            }
          },
          {
            "name": "order",
            "in": "query",
            "required": false,
            "description": "`asc`: oldest first; `desc`: newest first.",
            "schema": {
              "type": "string",
              "enum": [
                "asc",
                "desc"
              ],
              "default": "asc"
            }
          },
          {
            "name": "type",
            "in": "query",
            "required": false,
            "description": "Only entries of this type.",
            "schema": {
              "type": "string",
              "enum": [
                "person_created",
                "attributes_updated",
                "attribute_update_failure",
                "failed_attribute_change",
                "request_dropped",
                "person_deleted"
              ],
              "description": "What happened."
            }
          },
          {
            "name": "clause",
            "in": "query",
            "required": false,
            "description": "Only entries decided by this rule.",
            "schema": {
              "type": "string",
              "pattern": "^C[1-9][0-9]{0,2}$",
              "examples": [
                "C4"
              ]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "One page of entries.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "One page of activity entries.",
                  "required": [
                    "activity",
                    "last_seq",
                    "next_cursor"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "activity": {
                      "type": "array",
                      "description": "The entries, in the order asked for.",
                      "items": {
                        "type": "object",
                        "description": "One thing that happened in the workspace. `attribute_update_failure`, `failed_attribute_change` and\n`request_dropped` record the parts of a `200` answer that were not applied.\n",
                        "required": [
                          "seq",
                          "at",
                          "type",
                          "reason"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "seq": {
                            "type": "integer",
                            "minimum": 1,
                            "description": "Position in the log, from 1; never reused until the workspace is reset."
                          },
                          "at": {
                            "type": "number",
                            "description": "When it happened (its request was applied), in milliseconds of the simulator's clock."
                          },
                          "received_at": {
                            "type": "number",
                            "description": "With eventual processing only: when the request behind the entry was received and answered\n`200 {}`, in milliseconds of the simulator's clock. `at` is when it was applied.\n"
                          },
                          "type": {
                            "type": "string",
                            "enum": [
                              "person_created",
                              "attributes_updated",
                              "attribute_update_failure",
                              "failed_attribute_change",
                              "request_dropped",
                              "person_deleted"
                            ],
                            "description": "What happened."
                          },
                          "clause": {
                            "type": "string",
                            "pattern": "^C[1-9][0-9]*$",
                            "description": "The rule that decided it (C1–C24), when one did."
                          },
                          "cio_id": {
                            "type": "string",
                            "description": "The person concerned, when there is one."
                          },
                          "identifier": {
                            "type": "string",
                            "description": "Which identifier it concerns (`path`, `id`, `email`, `anonymous_id`), when it concerns one."
                          },
                          "conflicting_cio_id": {
                            "type": "string",
                            "description": "For a conflict, the person who already holds the identifier."
                          },
                          "request": {
                            "type": "integer",
                            "minimum": 1,
                            "description": "The `seq` of the Track API request that caused it (see `GET /__simulator/requests`), shared by all\nentries of that request.\n"
                          },
                          "changed": {
                            "type": "array",
                            "description": "On `person_created` and `attributes_updated`: the identifiers and attributes whose value the request\nactually changed. Writing a value a person already has is not a change, so a request delivered twice\n(a retry after a timeout) shows an empty list the second time.\n",
                            "items": {
                              "type": "string"
                            }
                          },
                          "reason": {
                            "type": "string",
                            "description": "Why, in words."
                          }
                        }
                      }
                    },
                    "last_seq": {
                      "type": "integer",
                      "minimum": 0,
                      "description": "The `seq` of the newest entry ever written (0 when none); pass it as `since` to follow the log."
                    },
                    "next_cursor": {
                      "type": [
                        "string",
                        "null"
                      ],
                      "description": "Pass as `cursor` for the next page; null on the last page."
                    }
                  }
                }
              }
            }
          },
          "400": {
            "description": "The query or body broke the schema. The envelope names each problem.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "The same envelope as the Track API's errors.",
                  "required": [
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "meta": {
                      "type": "object",
                      "description": "One message as `error`, several as `errors`.",
                      "minProperties": 1,
                      "additionalProperties": false,
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
                    },
                    "problems": {
                      "type": "array",
                      "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
                      "items": {
                        "type": "object",
                        "description": "One problem of a request, in the shape used across the project.",
                        "required": [
                          "code",
                          "path",
                          "message"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "code": {
                            "type": "string",
                            "pattern": "^[a-z][a-z0-9_]*$",
                            "description": "Stable and machine-readable, in snake_case."
                          },
                          "path": {
                            "type": "array",
                            "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                            "items": {
                              "type": [
                                "string",
                                "integer"
                              ]
                            }
                          },
                          "message": {
                            "type": "string",
                            "description": "For people; names the element, never its value."
                          },
                          "source": {
                            "type": "string",
                            "enum": [
                              "seed",
                              "customerio",
                              "lint",
                              "bound"
                            ],
                            "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "401": {
            "description": "The Basic credentials were missing or wrong.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "The same envelope as the Track API's errors.",
                  "required": [
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "meta": {
                      "type": "object",
                      "description": "One message as `error`, several as `errors`.",
                      "minProperties": 1,
                      "additionalProperties": false,
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
                    },
                    "problems": {
                      "type": "array",
                      "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
                      "items": {
                        "type": "object",
                        "description": "One problem of a request, in the shape used across the project.",
                        "required": [
                          "code",
                          "path",
                          "message"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "code": {
                            "type": "string",
                            "pattern": "^[a-z][a-z0-9_]*$",
                            "description": "Stable and machine-readable, in snake_case."
                          },
                          "path": {
                            "type": "array",
                            "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                            "items": {
                              "type": [
                                "string",
                                "integer"
                              ]
                            }
                          },
                          "message": {
                            "type": "string",
                            "description": "For people; names the element, never its value."
                          },
                          "source": {
                            "type": "string",
                            "enum": [
                              "seed",
                              "customerio",
                              "lint",
                              "bound"
                            ],
                            "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    },
    "/__simulator/requests": {
      "get": {
        "operationId": "listRequests",
        "tags": [
          "Activity"
        ],
        "summary": "Read the request log, a page at a time",
        "description": "The Track API requests the simulator received (not those to `/__simulator/`), each with the answer it\ngave, oldest first (`order=desc`: newest first), a page at a time: pass the `next_cursor` of a page as\n`cursor`, with the same `order`, to get the next one; the listing has ended when `next_cursor` is null.\nTo follow the log, keep the `last_seq` of an answer and pass it as `since` later.\n\nEvery request gets a `seq` when it arrives; the activity entries it produced carry it as `request`. The\nlog keeps the newest requests only (1000 by default, set by the simulator's `requestLogSize`), and bodies\nup to 64 KiB each. Credentials are never kept: `Authorization` and similar headers keep only their scheme\n(`Basic [redacted]`). This is what `cio-customers conformance --traffic` judges.\n",
        "parameters": [
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "The most items one page holds.",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000,
              "default": 100
            }
          },
          {
            "name": "cursor",
            "in": "query",
            "required": false,
            "description": "The `next_cursor` of the page before, as it came. A cursor given before the workspace was reset is\nrefused (400).\n",
            "schema": {
              "type": "string",
              "minLength": 1
            }
          },
          {
            "name": "since",
            "in": "query",
            "required": false,
            "description": "Only requests whose `seq` is greater than this.",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "default": 0
            }
          },
          {
            "name": "order",
            "in": "query",
            "required": false,
            "description": "`asc`: oldest first; `desc`: newest first.",
            "schema": {
              "type": "string",
              "enum": [
                "asc",
                "desc"
              ],
              "default": "asc"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "One page of recorded requests.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "One page of recorded requests.",
                  "required": [
                    "requests",
                    "last_seq",
                    "next_cursor"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "requests": {
                      "type": "array",
                      "description": "The requests, in the order asked for.",
                      "items": {
                        "type": "object",
                        "description": "One Track API request as the simulator received it, with the answer it gave; credentials redacted.",
                        "required": [
                          "seq",
                          "received_at",
                          "method",
                          "path",
                          "query",
                          "headers",
                          "body",
                          "response"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "seq": {
                            "type": "integer",
                            "minimum": 1,
                            "description": "From 1 in order of arrival; activity entries name it as `request`."
                          },
                          "received_at": {
                            "type": "string",
                            "format": "date-time",
                            "description": "When it arrived, by the simulator's clock."
                          },
                          "answered_at": {
                            "type": "string",
                            "format": "date-time",
                            "description": "When it was answered, or failed; absent while it is in flight."
                          },
                          "last_seq_at_answer": {
                            "type": "integer",
                            "minimum": 1,
                            "description": "The newest `seq` received when this request was answered: the requests with a greater `seq` up to this\none arrived while it was in flight (they overlapped it).\n"
                          },
                          "method": {
                            "type": "string",
                            "examples": [
                              "PUT"
                            ]
                          },
                          "path": {
                            "type": "string",
                            "description": "The path as sent, percent-escapes kept.",
                            "examples": [
                              "/api/v1/customers/ada%40example.com"
                            ]
                          },
                          "query": {
                            "type": "string",
                            "description": "The query string without its `?`; empty when there was none."
                          },
                          "headers": {
                            "type": "object",
                            "description": "Header names in lower case, repeated fields joined with \", \". `Authorization`, `Proxy-Authorization`,\n`Cookie` and API-key headers keep only their scheme, such as `Basic [redacted]`.\n",
                            "additionalProperties": {
                              "type": "string"
                            }
                          },
                          "body": {
                            "type": [
                              "string",
                              "null"
                            ],
                            "description": "The body as UTF-8 text; null when it was answered without reading the body (a fault, a 401, a 413)."
                          },
                          "body_truncated": {
                            "type": "boolean",
                            "description": "Present and true when the body was longer than the 64 KiB the log keeps."
                          },
                          "response": {
                            "description": "The answer; null when none was given (a `reset` fault) or it is in flight.",
                            "oneOf": [
                              {
                                "type": "null"
                              },
                              {
                                "type": "object",
                                "required": [
                                  "status",
                                  "content_type",
                                  "body"
                                ],
                                "additionalProperties": false,
                                "properties": {
                                  "status": {
                                    "type": "integer"
                                  },
                                  "content_type": {
                                    "type": [
                                      "string",
                                      "null"
                                    ]
                                  },
                                  "body": {
                                    "type": "string"
                                  }
                                }
                              }
                            ]
                          },
                          "error": {
                            "type": "string",
                            "description": "Why no answer was given, when none was."
                          }
                        }
                      }
                    },
                    "last_seq": {
                      "type": "integer",
                      "minimum": 0,
                      "description": "The `seq` of the newest request received (0 when none); pass it as `since` to follow the log."
                    },
                    "next_cursor": {
                      "type": [
                        "string",
                        "null"
                      ],
                      "description": "Pass as `cursor` for the next page; null on the last page."
                    }
                  }
                }
              }
            }
          },
          "400": {
            "description": "The query or body broke the schema. The envelope names each problem.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "The same envelope as the Track API's errors.",
                  "required": [
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "meta": {
                      "type": "object",
                      "description": "One message as `error`, several as `errors`.",
                      "minProperties": 1,
                      "additionalProperties": false,
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
                    },
                    "problems": {
                      "type": "array",
                      "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
                      "items": {
                        "type": "object",
                        "description": "One problem of a request, in the shape used across the project.",
                        "required": [
                          "code",
                          "path",
                          "message"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "code": {
                            "type": "string",
                            "pattern": "^[a-z][a-z0-9_]*$",
                            "description": "Stable and machine-readable, in snake_case."
                          },
                          "path": {
                            "type": "array",
                            "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                            "items": {
                              "type": [
                                "string",
                                "integer"
                              ]
                            }
                          },
                          "message": {
                            "type": "string",
                            "description": "For people; names the element, never its value."
                          },
                          "source": {
                            "type": "string",
                            "enum": [
                              "seed",
                              "customerio",
                              "lint",
                              "bound"
                            ],
                            "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "401": {
            "description": "The Basic credentials were missing or wrong.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "The same envelope as the Track API's errors.",
                  "required": [
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "meta": {
                      "type": "object",
                      "description": "One message as `error`, several as `errors`.",
                      "minProperties": 1,
                      "additionalProperties": false,
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
                    },
                    "problems": {
                      "type": "array",
                      "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
                      "items": {
                        "type": "object",
                        "description": "One problem of a request, in the shape used across the project.",
                        "required": [
                          "code",
                          "path",
                          "message"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "code": {
                            "type": "string",
                            "pattern": "^[a-z][a-z0-9_]*$",
                            "description": "Stable and machine-readable, in snake_case."
                          },
                          "path": {
                            "type": "array",
                            "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                            "items": {
                              "type": [
                                "string",
                                "integer"
                              ]
                            }
                          },
                          "message": {
                            "type": "string",
                            "description": "For people; names the element, never its value."
                          },
                          "source": {
                            "type": "string",
                            "enum": [
                              "seed",
                              "customerio",
                              "lint",
                              "bound"
                            ],
                            "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    },
    "/__simulator/reset": {
      "post": {
        "operationId": "resetWorkspace",
        "tags": [
          "Workspace"
        ],
        "summary": "Empty the workspace",
        "description": "Removes every person, empties the activity log, restarts the cio_id counter and puts the settings back to\nthe ones the simulator was started with. Seeded people given at start are not re-added.\n",
        "responses": {
          "200": {
            "description": "The workspace is empty.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "An empty JSON object.",
                  "additionalProperties": false
                }
              }
            }
          },
          "401": {
            "description": "The Basic credentials were missing or wrong.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "The same envelope as the Track API's errors.",
                  "required": [
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "meta": {
                      "type": "object",
                      "description": "One message as `error`, several as `errors`.",
                      "minProperties": 1,
                      "additionalProperties": false,
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
                    },
                    "problems": {
                      "type": "array",
                      "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
                      "items": {
                        "type": "object",
                        "description": "One problem of a request, in the shape used across the project.",
                        "required": [
                          "code",
                          "path",
                          "message"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "code": {
                            "type": "string",
                            "pattern": "^[a-z][a-z0-9_]*$",
                            "description": "Stable and machine-readable, in snake_case."
                          },
                          "path": {
                            "type": "array",
                            "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                            "items": {
                              "type": [
                                "string",
                                "integer"
                              ]
                            }
                          },
                          "message": {
                            "type": "string",
                            "description": "For people; names the element, never its value."
                          },
                          "source": {
                            "type": "string",
                            "enum": [
                              "seed",
                              "customerio",
                              "lint",
                              "bound"
                            ],
                            "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    },
    "/__simulator/settle": {
      "post": {
        "operationId": "settleWorkspace",
        "tags": [
          "Workspace"
        ],
        "summary": "Apply every accepted call still waiting",
        "description": "With eventual processing (`processing: \"eventual\"`, `--processing eventual`), identify calls are\nanswered `200 {}` when accepted and applied later. This applies every call still waiting, as a queue\nwith parallel workers would (calls of one group are decided against the same state), and answers how\nmany it applied. With immediate processing nothing waits, and `applied` is 0.\n",
        "responses": {
          "200": {
            "description": "The waiting calls were applied.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "applied",
                    "pending"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "applied": {
                      "type": "integer",
                      "minimum": 0,
                      "description": "Identify calls applied by this request."
                    },
                    "pending": {
                      "type": "integer",
                      "minimum": 0,
                      "description": "Calls still waiting afterwards (0, unless calls arrived meanwhile)."
                    }
                  }
                }
              }
            }
          },
          "401": {
            "description": "The Basic credentials were missing or wrong.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "The same envelope as the Track API's errors.",
                  "required": [
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "meta": {
                      "type": "object",
                      "description": "One message as `error`, several as `errors`.",
                      "minProperties": 1,
                      "additionalProperties": false,
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
                    },
                    "problems": {
                      "type": "array",
                      "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
                      "items": {
                        "type": "object",
                        "description": "One problem of a request, in the shape used across the project.",
                        "required": [
                          "code",
                          "path",
                          "message"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "code": {
                            "type": "string",
                            "pattern": "^[a-z][a-z0-9_]*$",
                            "description": "Stable and machine-readable, in snake_case."
                          },
                          "path": {
                            "type": "array",
                            "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                            "items": {
                              "type": [
                                "string",
                                "integer"
                              ]
                            }
                          },
                          "message": {
                            "type": "string",
                            "description": "For people; names the element, never its value."
                          },
                          "source": {
                            "type": "string",
                            "enum": [
                              "seed",
                              "customerio",
                              "lint",
                              "bound"
                            ],
                            "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    },
    "/__simulator/settings": {
      "get": {
        "operationId": "getSettings",
        "tags": [
          "Workspace"
        ],
        "summary": "Read the workspace settings",
        "description": "The settings that decide identity resolution (rules C6, C9, C10).",
        "responses": {
          "200": {
            "description": "The settings.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "Settings of the simulated workspace that change identity resolution: Customer.io's own two, and the readings\nof three choices the endpoint's description leaves open (docs/simulator.md, \"Open choices\").\n",
                  "required": [
                    "identifiedBy",
                    "allowEmailUpdatesById",
                    "bodyIdentifierPrecedence",
                    "pathReplacesSetIdentifier",
                    "deletedAnonymousIds"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "identifiedBy": {
                      "type": "string",
                      "enum": [
                        "email_or_id",
                        "id"
                      ],
                      "description": "`email_or_id`: email addresses identify people, case-insensitively (rules C9, C10). `id`: only ids do;\nan email-shaped path is read as an id and `email` is a plain attribute.\n"
                    },
                    "allowEmailUpdatesById": {
                      "type": "boolean",
                      "description": "The setting \"Allow updates to email using ID\" (rule C6)."
                    },
                    "bodyIdentifierPrecedence": {
                      "type": "string",
                      "enum": [
                        "id",
                        "email"
                      ],
                      "description": "When nobody holds the path identifier and the body's `id` and `email` name two different people: the\nperson named by this one is updated and takes the path identifier (C3); the other identifier is logged\nas a C4 conflict. Default `id`.\n"
                    },
                    "pathReplacesSetIdentifier": {
                      "type": "boolean",
                      "description": "When the person found through the body (C3) already holds a different identifier of the path's kind:\n`false` (default) keeps theirs and logs a C5 failure; `true` gives them the path identifier instead.\n"
                    },
                    "deletedAnonymousIds": {
                      "type": "string",
                      "enum": [
                        "reserved",
                        "released"
                      ],
                      "description": "The anonymous ids of a deleted person: `reserved` (default) refuses them to anyone else, as C16 says\nthe value is not reusable; `released` lets another person take them.\n"
                    }
                  }
                }
              }
            }
          },
          "401": {
            "description": "The Basic credentials were missing or wrong.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "The same envelope as the Track API's errors.",
                  "required": [
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "meta": {
                      "type": "object",
                      "description": "One message as `error`, several as `errors`.",
                      "minProperties": 1,
                      "additionalProperties": false,
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
                    },
                    "problems": {
                      "type": "array",
                      "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
                      "items": {
                        "type": "object",
                        "description": "One problem of a request, in the shape used across the project.",
                        "required": [
                          "code",
                          "path",
                          "message"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "code": {
                            "type": "string",
                            "pattern": "^[a-z][a-z0-9_]*$",
                            "description": "Stable and machine-readable, in snake_case."
                          },
                          "path": {
                            "type": "array",
                            "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                            "items": {
                              "type": [
                                "string",
                                "integer"
                              ]
                            }
                          },
                          "message": {
                            "type": "string",
                            "description": "For people; names the element, never its value."
                          },
                          "source": {
                            "type": "string",
                            "enum": [
                              "seed",
                              "customerio",
                              "lint",
                              "bound"
                            ],
                            "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      },
      "patch": {
        "operationId": "updateSettings",
        "tags": [
          "Workspace"
        ],
        "summary": "Change the workspace settings",
        "description": "Changes the named settings and keeps the others. Switching `identifiedBy` to `email_or_id` indexes the\nemails people already have; where two people share one, the older keeps it as an identifier.\n",
        "requestBody": {
          "required": true,
          "description": "The settings to change.",
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "description": "The settings to change; settings left out keep their value.",
                "additionalProperties": false,
                "properties": {
                  "identifiedBy": {
                    "type": "string",
                    "enum": [
                      "email_or_id",
                      "id"
                    ],
                    "description": "See WorkspaceSettings."
                  },
                  "allowEmailUpdatesById": {
                    "type": "boolean",
                    "description": "See WorkspaceSettings."
                  },
                  "bodyIdentifierPrecedence": {
                    "type": "string",
                    "enum": [
                      "id",
                      "email"
                    ],
                    "description": "See WorkspaceSettings."
                  },
                  "pathReplacesSetIdentifier": {
                    "type": "boolean",
                    "description": "See WorkspaceSettings."
                  },
                  "deletedAnonymousIds": {
                    "type": "string",
                    "enum": [
                      "reserved",
                      "released"
                    ],
                    "description": "See WorkspaceSettings."
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The settings after the change.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "Settings of the simulated workspace that change identity resolution: Customer.io's own two, and the readings\nof three choices the endpoint's description leaves open (docs/simulator.md, \"Open choices\").\n",
                  "required": [
                    "identifiedBy",
                    "allowEmailUpdatesById",
                    "bodyIdentifierPrecedence",
                    "pathReplacesSetIdentifier",
                    "deletedAnonymousIds"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "identifiedBy": {
                      "type": "string",
                      "enum": [
                        "email_or_id",
                        "id"
                      ],
                      "description": "`email_or_id`: email addresses identify people, case-insensitively (rules C9, C10). `id`: only ids do;\nan email-shaped path is read as an id and `email` is a plain attribute.\n"
                    },
                    "allowEmailUpdatesById": {
                      "type": "boolean",
                      "description": "The setting \"Allow updates to email using ID\" (rule C6)."
                    },
                    "bodyIdentifierPrecedence": {
                      "type": "string",
                      "enum": [
                        "id",
                        "email"
                      ],
                      "description": "When nobody holds the path identifier and the body's `id` and `email` name two different people: the\nperson named by this one is updated and takes the path identifier (C3); the other identifier is logged\nas a C4 conflict. Default `id`.\n"
                    },
                    "pathReplacesSetIdentifier": {
                      "type": "boolean",
                      "description": "When the person found through the body (C3) already holds a different identifier of the path's kind:\n`false` (default) keeps theirs and logs a C5 failure; `true` gives them the path identifier instead.\n"
                    },
                    "deletedAnonymousIds": {
                      "type": "string",
                      "enum": [
                        "reserved",
                        "released"
                      ],
                      "description": "The anonymous ids of a deleted person: `reserved` (default) refuses them to anyone else, as C16 says\nthe value is not reusable; `released` lets another person take them.\n"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "description": "The query or body broke the schema. The envelope names each problem.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "The same envelope as the Track API's errors.",
                  "required": [
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "meta": {
                      "type": "object",
                      "description": "One message as `error`, several as `errors`.",
                      "minProperties": 1,
                      "additionalProperties": false,
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
                    },
                    "problems": {
                      "type": "array",
                      "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
                      "items": {
                        "type": "object",
                        "description": "One problem of a request, in the shape used across the project.",
                        "required": [
                          "code",
                          "path",
                          "message"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "code": {
                            "type": "string",
                            "pattern": "^[a-z][a-z0-9_]*$",
                            "description": "Stable and machine-readable, in snake_case."
                          },
                          "path": {
                            "type": "array",
                            "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                            "items": {
                              "type": [
                                "string",
                                "integer"
                              ]
                            }
                          },
                          "message": {
                            "type": "string",
                            "description": "For people; names the element, never its value."
                          },
                          "source": {
                            "type": "string",
                            "enum": [
                              "seed",
                              "customerio",
                              "lint",
                              "bound"
                            ],
                            "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "401": {
            "description": "The Basic credentials were missing or wrong.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "The same envelope as the Track API's errors.",
                  "required": [
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "meta": {
                      "type": "object",
                      "description": "One message as `error`, several as `errors`.",
                      "minProperties": 1,
                      "additionalProperties": false,
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
                    },
                    "problems": {
                      "type": "array",
                      "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
                      "items": {
                        "type": "object",
                        "description": "One problem of a request, in the shape used across the project.",
                        "required": [
                          "code",
                          "path",
                          "message"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "code": {
                            "type": "string",
                            "pattern": "^[a-z][a-z0-9_]*$",
                            "description": "Stable and machine-readable, in snake_case."
                          },
                          "path": {
                            "type": "array",
                            "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                            "items": {
                              "type": [
                                "string",
                                "integer"
                              ]
                            }
                          },
                          "message": {
                            "type": "string",
                            "description": "For people; names the element, never its value."
                          },
                          "source": {
                            "type": "string",
                            "enum": [
                              "seed",
                              "customerio",
                              "lint",
                              "bound"
                            ],
                            "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    },
    "/__simulator/faults": {
      "get": {
        "operationId": "listFaults",
        "tags": [
          "Faults"
        ],
        "summary": "List the faults in force",
        "description": "The faults in force, in the order they are tried, with how often each has fired.",
        "responses": {
          "200": {
            "description": "The faults.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "Faults in force, in the order they are tried.",
                  "required": [
                    "faults"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "faults": {
                      "type": "array",
                      "description": "The faults.",
                      "items": {
                        "type": "object",
                        "description": "A fault in force.",
                        "required": [
                          "id",
                          "spec",
                          "fired"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "id": {
                            "type": "integer",
                            "minimum": 1,
                            "description": "Unique for the simulator's life."
                          },
                          "spec": {
                            "description": "One fault, by `kind`.",
                            "oneOf": [
                              {
                                "type": "object",
                                "description": "Waits before handling the request, which is then handled and applied normally.",
                                "required": [
                                  "kind",
                                  "ms"
                                ],
                                "additionalProperties": false,
                                "properties": {
                                  "kind": {
                                    "type": "string",
                                    "const": "latency",
                                    "description": "The kind of fault."
                                  },
                                  "ms": {
                                    "type": "number",
                                    "minimum": 0,
                                    "maximum": 60000,
                                    "description": "Milliseconds to wait."
                                  },
                                  "times": {
                                    "type": "integer",
                                    "minimum": 1,
                                    "description": "Fire on the next this many matching requests, then remove the fault."
                                  },
                                  "probability": {
                                    "type": "number",
                                    "exclusiveMinimum": 0,
                                    "maximum": 1,
                                    "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                                  },
                                  "seed": {
                                    "type": "integer",
                                    "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                                  },
                                  "route": {
                                    "type": "string",
                                    "enum": [
                                      "identify",
                                      "region",
                                      "any"
                                    ],
                                    "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                                  }
                                }
                              },
                              {
                                "type": "object",
                                "description": "Answers with an error status and the JSON error envelope; nothing is applied.",
                                "required": [
                                  "kind",
                                  "status"
                                ],
                                "additionalProperties": false,
                                "properties": {
                                  "kind": {
                                    "type": "string",
                                    "const": "status",
                                    "description": "The kind of fault."
                                  },
                                  "status": {
                                    "type": "integer",
                                    "enum": [
                                      429,
                                      500,
                                      502,
                                      503,
                                      504
                                    ],
                                    "description": "The status to answer."
                                  },
                                  "retryAfter": {
                                    "type": "integer",
                                    "minimum": 0,
                                    "description": "`Retry-After` in whole seconds. Default 1 for 429, none for the other statuses."
                                  },
                                  "times": {
                                    "type": "integer",
                                    "minimum": 1,
                                    "description": "Fire on the next this many matching requests, then remove the fault."
                                  },
                                  "probability": {
                                    "type": "number",
                                    "exclusiveMinimum": 0,
                                    "maximum": 1,
                                    "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                                  },
                                  "seed": {
                                    "type": "integer",
                                    "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                                  },
                                  "route": {
                                    "type": "string",
                                    "enum": [
                                      "identify",
                                      "region",
                                      "any"
                                    ],
                                    "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                                  }
                                }
                              },
                              {
                                "type": "object",
                                "description": "Breaks the connection before any answer: over a socket it is reset; in-process the fetch rejects with a\nTypeError. Nothing is applied.\n",
                                "required": [
                                  "kind"
                                ],
                                "additionalProperties": false,
                                "properties": {
                                  "kind": {
                                    "type": "string",
                                    "const": "reset",
                                    "description": "The kind of fault."
                                  },
                                  "times": {
                                    "type": "integer",
                                    "minimum": 1,
                                    "description": "Fire on the next this many matching requests, then remove the fault."
                                  },
                                  "probability": {
                                    "type": "number",
                                    "exclusiveMinimum": 0,
                                    "maximum": 1,
                                    "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                                  },
                                  "seed": {
                                    "type": "integer",
                                    "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                                  },
                                  "route": {
                                    "type": "string",
                                    "enum": [
                                      "identify",
                                      "region",
                                      "any"
                                    ],
                                    "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                                  }
                                }
                              },
                              {
                                "type": "object",
                                "description": "Headers that promise a JSON body, then only half of it before the connection closes. Nothing is applied,\neven when the status is 200.\n",
                                "required": [
                                  "kind"
                                ],
                                "additionalProperties": false,
                                "properties": {
                                  "kind": {
                                    "type": "string",
                                    "const": "truncate",
                                    "description": "The kind of fault."
                                  },
                                  "status": {
                                    "type": "integer",
                                    "enum": [
                                      200,
                                      500,
                                      502,
                                      503
                                    ],
                                    "description": "The status whose body is cut off. Default 200."
                                  },
                                  "times": {
                                    "type": "integer",
                                    "minimum": 1,
                                    "description": "Fire on the next this many matching requests, then remove the fault."
                                  },
                                  "probability": {
                                    "type": "number",
                                    "exclusiveMinimum": 0,
                                    "maximum": 1,
                                    "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                                  },
                                  "seed": {
                                    "type": "integer",
                                    "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                                  },
                                  "route": {
                                    "type": "string",
                                    "enum": [
                                      "identify",
                                      "region",
                                      "any"
                                    ],
                                    "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                                  }
                                }
                              },
                              {
                                "type": "object",
                                "description": "A proxy's HTML error page (`text/html`) instead of JSON. Nothing is applied.",
                                "required": [
                                  "kind"
                                ],
                                "additionalProperties": false,
                                "properties": {
                                  "kind": {
                                    "type": "string",
                                    "const": "html",
                                    "description": "The kind of fault."
                                  },
                                  "status": {
                                    "type": "integer",
                                    "enum": [
                                      502,
                                      503,
                                      504
                                    ],
                                    "description": "The status of the page. Default 502."
                                  },
                                  "times": {
                                    "type": "integer",
                                    "minimum": 1,
                                    "description": "Fire on the next this many matching requests, then remove the fault."
                                  },
                                  "probability": {
                                    "type": "number",
                                    "exclusiveMinimum": 0,
                                    "maximum": 1,
                                    "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                                  },
                                  "seed": {
                                    "type": "integer",
                                    "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                                  },
                                  "route": {
                                    "type": "string",
                                    "enum": [
                                      "identify",
                                      "region",
                                      "any"
                                    ],
                                    "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                                  }
                                }
                              },
                              {
                                "type": "object",
                                "description": "The redirect an EU workspace gets from the US host: `Location` is `to` followed by the request's own path\nand query. Nothing is applied here; the client is expected to repeat the request at `to`.\n",
                                "required": [
                                  "kind",
                                  "to"
                                ],
                                "additionalProperties": false,
                                "properties": {
                                  "kind": {
                                    "type": "string",
                                    "const": "redirect",
                                    "description": "The kind of fault."
                                  },
                                  "to": {
                                    "type": "string",
                                    "minLength": 1,
                                    "description": "An http(s) origin, with an optional path prefix and no query.",
                                    "examples": [
                                      "https://track-eu.customer.io"
                                    ]
                                  },
                                  "status": {
                                    "type": "integer",
                                    "enum": [
                                      301,
                                      302,
                                      307,
                                      308
                                    ],
                                    "description": "The redirect status. Default 301."
                                  },
                                  "times": {
                                    "type": "integer",
                                    "minimum": 1,
                                    "description": "Fire on the next this many matching requests, then remove the fault."
                                  },
                                  "probability": {
                                    "type": "number",
                                    "exclusiveMinimum": 0,
                                    "maximum": 1,
                                    "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                                  },
                                  "seed": {
                                    "type": "integer",
                                    "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                                  },
                                  "route": {
                                    "type": "string",
                                    "enum": [
                                      "identify",
                                      "region",
                                      "any"
                                    ],
                                    "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                                  }
                                }
                              }
                            ]
                          },
                          "fired": {
                            "type": "integer",
                            "minimum": 0,
                            "description": "How many requests it has answered or delayed."
                          },
                          "remaining": {
                            "type": "integer",
                            "minimum": 0,
                            "description": "Firings left, for a fault given `times`."
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "401": {
            "description": "The Basic credentials were missing or wrong.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "The same envelope as the Track API's errors.",
                  "required": [
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "meta": {
                      "type": "object",
                      "description": "One message as `error`, several as `errors`.",
                      "minProperties": 1,
                      "additionalProperties": false,
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
                    },
                    "problems": {
                      "type": "array",
                      "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
                      "items": {
                        "type": "object",
                        "description": "One problem of a request, in the shape used across the project.",
                        "required": [
                          "code",
                          "path",
                          "message"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "code": {
                            "type": "string",
                            "pattern": "^[a-z][a-z0-9_]*$",
                            "description": "Stable and machine-readable, in snake_case."
                          },
                          "path": {
                            "type": "array",
                            "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                            "items": {
                              "type": [
                                "string",
                                "integer"
                              ]
                            }
                          },
                          "message": {
                            "type": "string",
                            "description": "For people; names the element, never its value."
                          },
                          "source": {
                            "type": "string",
                            "enum": [
                              "seed",
                              "customerio",
                              "lint",
                              "bound"
                            ],
                            "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      },
      "post": {
        "operationId": "injectFaults",
        "tags": [
          "Faults"
        ],
        "summary": "Inject faults",
        "description": "Adds faults after those already in force; either every fault given is added or, on any problem, none.\nFaults apply to the Track API routes only (`/api/v1/customers/{identifier}` and\n`/api/v1/accounts/region`), never to these inspection routes. A request answered by a fault is not\napplied: the workspace and the activity log do not change (a `latency` fault only delays the request,\nwhich is then handled normally).\n\nA fault fires on the next `times` matching requests; or with `probability` on each, drawn from a PRNG\nseeded with `seed` so that runs repeat exactly; or both; or, with neither, on every matching request\nuntil the faults are cleared. Faults are tried in order: every firing `latency` adds its delay, and the\nfirst other fault that fires answers the request.\n\nOver a socket, `reset` destroys the connection before any answer, and `truncate` sends a\n`Content-Length` larger than the bytes that follow before closing the connection. `POST\n/__simulator/reset` removes injected faults and brings back those the simulator was started with.\n",
        "requestBody": {
          "required": true,
          "description": "The faults to add, in the order they should be tried.",
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "description": "Faults to add.",
                "required": [
                  "faults"
                ],
                "additionalProperties": false,
                "properties": {
                  "faults": {
                    "type": "array",
                    "description": "The faults, tried in this order after those already in force.",
                    "minItems": 1,
                    "maxItems": 100,
                    "items": {
                      "description": "One fault, by `kind`.",
                      "oneOf": [
                        {
                          "type": "object",
                          "description": "Waits before handling the request, which is then handled and applied normally.",
                          "required": [
                            "kind",
                            "ms"
                          ],
                          "additionalProperties": false,
                          "properties": {
                            "kind": {
                              "type": "string",
                              "const": "latency",
                              "description": "The kind of fault."
                            },
                            "ms": {
                              "type": "number",
                              "minimum": 0,
                              "maximum": 60000,
                              "description": "Milliseconds to wait."
                            },
                            "times": {
                              "type": "integer",
                              "minimum": 1,
                              "description": "Fire on the next this many matching requests, then remove the fault."
                            },
                            "probability": {
                              "type": "number",
                              "exclusiveMinimum": 0,
                              "maximum": 1,
                              "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                            },
                            "seed": {
                              "type": "integer",
                              "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                            },
                            "route": {
                              "type": "string",
                              "enum": [
                                "identify",
                                "region",
                                "any"
                              ],
                              "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                            }
                          }
                        },
                        {
                          "type": "object",
                          "description": "Answers with an error status and the JSON error envelope; nothing is applied.",
                          "required": [
                            "kind",
                            "status"
                          ],
                          "additionalProperties": false,
                          "properties": {
                            "kind": {
                              "type": "string",
                              "const": "status",
                              "description": "The kind of fault."
                            },
                            "status": {
                              "type": "integer",
                              "enum": [
                                429,
                                500,
                                502,
                                503,
                                504
                              ],
                              "description": "The status to answer."
                            },
                            "retryAfter": {
                              "type": "integer",
                              "minimum": 0,
                              "description": "`Retry-After` in whole seconds. Default 1 for 429, none for the other statuses."
                            },
                            "times": {
                              "type": "integer",
                              "minimum": 1,
                              "description": "Fire on the next this many matching requests, then remove the fault."
                            },
                            "probability": {
                              "type": "number",
                              "exclusiveMinimum": 0,
                              "maximum": 1,
                              "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                            },
                            "seed": {
                              "type": "integer",
                              "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                            },
                            "route": {
                              "type": "string",
                              "enum": [
                                "identify",
                                "region",
                                "any"
                              ],
                              "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                            }
                          }
                        },
                        {
                          "type": "object",
                          "description": "Breaks the connection before any answer: over a socket it is reset; in-process the fetch rejects with a\nTypeError. Nothing is applied.\n",
                          "required": [
                            "kind"
                          ],
                          "additionalProperties": false,
                          "properties": {
                            "kind": {
                              "type": "string",
                              "const": "reset",
                              "description": "The kind of fault."
                            },
                            "times": {
                              "type": "integer",
                              "minimum": 1,
                              "description": "Fire on the next this many matching requests, then remove the fault."
                            },
                            "probability": {
                              "type": "number",
                              "exclusiveMinimum": 0,
                              "maximum": 1,
                              "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                            },
                            "seed": {
                              "type": "integer",
                              "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                            },
                            "route": {
                              "type": "string",
                              "enum": [
                                "identify",
                                "region",
                                "any"
                              ],
                              "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                            }
                          }
                        },
                        {
                          "type": "object",
                          "description": "Headers that promise a JSON body, then only half of it before the connection closes. Nothing is applied,\neven when the status is 200.\n",
                          "required": [
                            "kind"
                          ],
                          "additionalProperties": false,
                          "properties": {
                            "kind": {
                              "type": "string",
                              "const": "truncate",
                              "description": "The kind of fault."
                            },
                            "status": {
                              "type": "integer",
                              "enum": [
                                200,
                                500,
                                502,
                                503
                              ],
                              "description": "The status whose body is cut off. Default 200."
                            },
                            "times": {
                              "type": "integer",
                              "minimum": 1,
                              "description": "Fire on the next this many matching requests, then remove the fault."
                            },
                            "probability": {
                              "type": "number",
                              "exclusiveMinimum": 0,
                              "maximum": 1,
                              "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                            },
                            "seed": {
                              "type": "integer",
                              "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                            },
                            "route": {
                              "type": "string",
                              "enum": [
                                "identify",
                                "region",
                                "any"
                              ],
                              "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                            }
                          }
                        },
                        {
                          "type": "object",
                          "description": "A proxy's HTML error page (`text/html`) instead of JSON. Nothing is applied.",
                          "required": [
                            "kind"
                          ],
                          "additionalProperties": false,
                          "properties": {
                            "kind": {
                              "type": "string",
                              "const": "html",
                              "description": "The kind of fault."
                            },
                            "status": {
                              "type": "integer",
                              "enum": [
                                502,
                                503,
                                504
                              ],
                              "description": "The status of the page. Default 502."
                            },
                            "times": {
                              "type": "integer",
                              "minimum": 1,
                              "description": "Fire on the next this many matching requests, then remove the fault."
                            },
                            "probability": {
                              "type": "number",
                              "exclusiveMinimum": 0,
                              "maximum": 1,
                              "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                            },
                            "seed": {
                              "type": "integer",
                              "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                            },
                            "route": {
                              "type": "string",
                              "enum": [
                                "identify",
                                "region",
                                "any"
                              ],
                              "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                            }
                          }
                        },
                        {
                          "type": "object",
                          "description": "The redirect an EU workspace gets from the US host: `Location` is `to` followed by the request's own path\nand query. Nothing is applied here; the client is expected to repeat the request at `to`.\n",
                          "required": [
                            "kind",
                            "to"
                          ],
                          "additionalProperties": false,
                          "properties": {
                            "kind": {
                              "type": "string",
                              "const": "redirect",
                              "description": "The kind of fault."
                            },
                            "to": {
                              "type": "string",
                              "minLength": 1,
                              "description": "An http(s) origin, with an optional path prefix and no query.",
                              "examples": [
                                "https://track-eu.customer.io"
                              ]
                            },
                            "status": {
                              "type": "integer",
                              "enum": [
                                301,
                                302,
                                307,
                                308
                              ],
                              "description": "The redirect status. Default 301."
                            },
                            "times": {
                              "type": "integer",
                              "minimum": 1,
                              "description": "Fire on the next this many matching requests, then remove the fault."
                            },
                            "probability": {
                              "type": "number",
                              "exclusiveMinimum": 0,
                              "maximum": 1,
                              "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                            },
                            "seed": {
                              "type": "integer",
                              "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                            },
                            "route": {
                              "type": "string",
                              "enum": [
                                "identify",
                                "region",
                                "any"
                              ],
                              "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                            }
                          }
                        }
                      ]
                    }
                  }
                }
              },
              "examples": {
                "transient503": {
                  "summary": "The next two identify calls get 503",
                  "value": {
                    "faults": [
                      {
                        "kind": "status",
                        "status": 503,
                        "times": 2,
                        "route": "identify"
                      }
                    ]
                  }
                },
                "euRedirect": {
                  "summary": "Behave as the US host of an EU workspace",
                  "value": {
                    "faults": [
                      {
                        "kind": "redirect",
                        "to": "https://track-eu.customer.io",
                        "status": 301
                      }
                    ]
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Every fault now in force, the new ones last.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "Faults in force, in the order they are tried.",
                  "required": [
                    "faults"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "faults": {
                      "type": "array",
                      "description": "The faults.",
                      "items": {
                        "type": "object",
                        "description": "A fault in force.",
                        "required": [
                          "id",
                          "spec",
                          "fired"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "id": {
                            "type": "integer",
                            "minimum": 1,
                            "description": "Unique for the simulator's life."
                          },
                          "spec": {
                            "description": "One fault, by `kind`.",
                            "oneOf": [
                              {
                                "type": "object",
                                "description": "Waits before handling the request, which is then handled and applied normally.",
                                "required": [
                                  "kind",
                                  "ms"
                                ],
                                "additionalProperties": false,
                                "properties": {
                                  "kind": {
                                    "type": "string",
                                    "const": "latency",
                                    "description": "The kind of fault."
                                  },
                                  "ms": {
                                    "type": "number",
                                    "minimum": 0,
                                    "maximum": 60000,
                                    "description": "Milliseconds to wait."
                                  },
                                  "times": {
                                    "type": "integer",
                                    "minimum": 1,
                                    "description": "Fire on the next this many matching requests, then remove the fault."
                                  },
                                  "probability": {
                                    "type": "number",
                                    "exclusiveMinimum": 0,
                                    "maximum": 1,
                                    "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                                  },
                                  "seed": {
                                    "type": "integer",
                                    "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                                  },
                                  "route": {
                                    "type": "string",
                                    "enum": [
                                      "identify",
                                      "region",
                                      "any"
                                    ],
                                    "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                                  }
                                }
                              },
                              {
                                "type": "object",
                                "description": "Answers with an error status and the JSON error envelope; nothing is applied.",
                                "required": [
                                  "kind",
                                  "status"
                                ],
                                "additionalProperties": false,
                                "properties": {
                                  "kind": {
                                    "type": "string",
                                    "const": "status",
                                    "description": "The kind of fault."
                                  },
                                  "status": {
                                    "type": "integer",
                                    "enum": [
                                      429,
                                      500,
                                      502,
                                      503,
                                      504
                                    ],
                                    "description": "The status to answer."
                                  },
                                  "retryAfter": {
                                    "type": "integer",
                                    "minimum": 0,
                                    "description": "`Retry-After` in whole seconds. Default 1 for 429, none for the other statuses."
                                  },
                                  "times": {
                                    "type": "integer",
                                    "minimum": 1,
                                    "description": "Fire on the next this many matching requests, then remove the fault."
                                  },
                                  "probability": {
                                    "type": "number",
                                    "exclusiveMinimum": 0,
                                    "maximum": 1,
                                    "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                                  },
                                  "seed": {
                                    "type": "integer",
                                    "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                                  },
                                  "route": {
                                    "type": "string",
                                    "enum": [
                                      "identify",
                                      "region",
                                      "any"
                                    ],
                                    "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                                  }
                                }
                              },
                              {
                                "type": "object",
                                "description": "Breaks the connection before any answer: over a socket it is reset; in-process the fetch rejects with a\nTypeError. Nothing is applied.\n",
                                "required": [
                                  "kind"
                                ],
                                "additionalProperties": false,
                                "properties": {
                                  "kind": {
                                    "type": "string",
                                    "const": "reset",
                                    "description": "The kind of fault."
                                  },
                                  "times": {
                                    "type": "integer",
                                    "minimum": 1,
                                    "description": "Fire on the next this many matching requests, then remove the fault."
                                  },
                                  "probability": {
                                    "type": "number",
                                    "exclusiveMinimum": 0,
                                    "maximum": 1,
                                    "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                                  },
                                  "seed": {
                                    "type": "integer",
                                    "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                                  },
                                  "route": {
                                    "type": "string",
                                    "enum": [
                                      "identify",
                                      "region",
                                      "any"
                                    ],
                                    "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                                  }
                                }
                              },
                              {
                                "type": "object",
                                "description": "Headers that promise a JSON body, then only half of it before the connection closes. Nothing is applied,\neven when the status is 200.\n",
                                "required": [
                                  "kind"
                                ],
                                "additionalProperties": false,
                                "properties": {
                                  "kind": {
                                    "type": "string",
                                    "const": "truncate",
                                    "description": "The kind of fault."
                                  },
                                  "status": {
                                    "type": "integer",
                                    "enum": [
                                      200,
                                      500,
                                      502,
                                      503
                                    ],
                                    "description": "The status whose body is cut off. Default 200."
                                  },
                                  "times": {
                                    "type": "integer",
                                    "minimum": 1,
                                    "description": "Fire on the next this many matching requests, then remove the fault."
                                  },
                                  "probability": {
                                    "type": "number",
                                    "exclusiveMinimum": 0,
                                    "maximum": 1,
                                    "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                                  },
                                  "seed": {
                                    "type": "integer",
                                    "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                                  },
                                  "route": {
                                    "type": "string",
                                    "enum": [
                                      "identify",
                                      "region",
                                      "any"
                                    ],
                                    "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                                  }
                                }
                              },
                              {
                                "type": "object",
                                "description": "A proxy's HTML error page (`text/html`) instead of JSON. Nothing is applied.",
                                "required": [
                                  "kind"
                                ],
                                "additionalProperties": false,
                                "properties": {
                                  "kind": {
                                    "type": "string",
                                    "const": "html",
                                    "description": "The kind of fault."
                                  },
                                  "status": {
                                    "type": "integer",
                                    "enum": [
                                      502,
                                      503,
                                      504
                                    ],
                                    "description": "The status of the page. Default 502."
                                  },
                                  "times": {
                                    "type": "integer",
                                    "minimum": 1,
                                    "description": "Fire on the next this many matching requests, then remove the fault."
                                  },
                                  "probability": {
                                    "type": "number",
                                    "exclusiveMinimum": 0,
                                    "maximum": 1,
                                    "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                                  },
                                  "seed": {
                                    "type": "integer",
                                    "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                                  },
                                  "route": {
                                    "type": "string",
                                    "enum": [
                                      "identify",
                                      "region",
                                      "any"
                                    ],
                                    "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                                  }
                                }
                              },
                              {
                                "type": "object",
                                "description": "The redirect an EU workspace gets from the US host: `Location` is `to` followed by the request's own path\nand query. Nothing is applied here; the client is expected to repeat the request at `to`.\n",
                                "required": [
                                  "kind",
                                  "to"
                                ],
                                "additionalProperties": false,
                                "properties": {
                                  "kind": {
                                    "type": "string",
                                    "const": "redirect",
                                    "description": "The kind of fault."
                                  },
                                  "to": {
                                    "type": "string",
                                    "minLength": 1,
                                    "description": "An http(s) origin, with an optional path prefix and no query.",
                                    "examples": [
                                      "https://track-eu.customer.io"
                                    ]
                                  },
                                  "status": {
                                    "type": "integer",
                                    "enum": [
                                      301,
                                      302,
                                      307,
                                      308
                                    ],
                                    "description": "The redirect status. Default 301."
                                  },
                                  "times": {
                                    "type": "integer",
                                    "minimum": 1,
                                    "description": "Fire on the next this many matching requests, then remove the fault."
                                  },
                                  "probability": {
                                    "type": "number",
                                    "exclusiveMinimum": 0,
                                    "maximum": 1,
                                    "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                                  },
                                  "seed": {
                                    "type": "integer",
                                    "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                                  },
                                  "route": {
                                    "type": "string",
                                    "enum": [
                                      "identify",
                                      "region",
                                      "any"
                                    ],
                                    "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                                  }
                                }
                              }
                            ]
                          },
                          "fired": {
                            "type": "integer",
                            "minimum": 0,
                            "description": "How many requests it has answered or delayed."
                          },
                          "remaining": {
                            "type": "integer",
                            "minimum": 0,
                            "description": "Firings left, for a fault given `times`."
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "description": "The query or body broke the schema. The envelope names each problem.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "The same envelope as the Track API's errors.",
                  "required": [
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "meta": {
                      "type": "object",
                      "description": "One message as `error`, several as `errors`.",
                      "minProperties": 1,
                      "additionalProperties": false,
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
                    },
                    "problems": {
                      "type": "array",
                      "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
                      "items": {
                        "type": "object",
                        "description": "One problem of a request, in the shape used across the project.",
                        "required": [
                          "code",
                          "path",
                          "message"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "code": {
                            "type": "string",
                            "pattern": "^[a-z][a-z0-9_]*$",
                            "description": "Stable and machine-readable, in snake_case."
                          },
                          "path": {
                            "type": "array",
                            "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                            "items": {
                              "type": [
                                "string",
                                "integer"
                              ]
                            }
                          },
                          "message": {
                            "type": "string",
                            "description": "For people; names the element, never its value."
                          },
                          "source": {
                            "type": "string",
                            "enum": [
                              "seed",
                              "customerio",
                              "lint",
                              "bound"
                            ],
                            "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "401": {
            "description": "The Basic credentials were missing or wrong.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "The same envelope as the Track API's errors.",
                  "required": [
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "meta": {
                      "type": "object",
                      "description": "One message as `error`, several as `errors`.",
                      "minProperties": 1,
                      "additionalProperties": false,
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
                    },
                    "problems": {
                      "type": "array",
                      "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
                      "items": {
                        "type": "object",
                        "description": "One problem of a request, in the shape used across the project.",
                        "required": [
                          "code",
                          "path",
                          "message"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "code": {
                            "type": "string",
                            "pattern": "^[a-z][a-z0-9_]*$",
                            "description": "Stable and machine-readable, in snake_case."
                          },
                          "path": {
                            "type": "array",
                            "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                            "items": {
                              "type": [
                                "string",
                                "integer"
                              ]
                            }
                          },
                          "message": {
                            "type": "string",
                            "description": "For people; names the element, never its value."
                          },
                          "source": {
                            "type": "string",
                            "enum": [
                              "seed",
                              "customerio",
                              "lint",
                              "bound"
                            ],
                            "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      },
      "delete": {
        "operationId": "clearFaults",
        "tags": [
          "Faults"
        ],
        "summary": "Remove every fault",
        "description": "Removes every fault in force, including those the simulator was started with.",
        "responses": {
          "200": {
            "description": "No fault is in force.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "Faults in force, in the order they are tried.",
                  "required": [
                    "faults"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "faults": {
                      "type": "array",
                      "description": "The faults.",
                      "items": {
                        "type": "object",
                        "description": "A fault in force.",
                        "required": [
                          "id",
                          "spec",
                          "fired"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "id": {
                            "type": "integer",
                            "minimum": 1,
                            "description": "Unique for the simulator's life."
                          },
                          "spec": {
                            "description": "One fault, by `kind`.",
                            "oneOf": [
                              {
                                "type": "object",
                                "description": "Waits before handling the request, which is then handled and applied normally.",
                                "required": [
                                  "kind",
                                  "ms"
                                ],
                                "additionalProperties": false,
                                "properties": {
                                  "kind": {
                                    "type": "string",
                                    "const": "latency",
                                    "description": "The kind of fault."
                                  },
                                  "ms": {
                                    "type": "number",
                                    "minimum": 0,
                                    "maximum": 60000,
                                    "description": "Milliseconds to wait."
                                  },
                                  "times": {
                                    "type": "integer",
                                    "minimum": 1,
                                    "description": "Fire on the next this many matching requests, then remove the fault."
                                  },
                                  "probability": {
                                    "type": "number",
                                    "exclusiveMinimum": 0,
                                    "maximum": 1,
                                    "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                                  },
                                  "seed": {
                                    "type": "integer",
                                    "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                                  },
                                  "route": {
                                    "type": "string",
                                    "enum": [
                                      "identify",
                                      "region",
                                      "any"
                                    ],
                                    "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                                  }
                                }
                              },
                              {
                                "type": "object",
                                "description": "Answers with an error status and the JSON error envelope; nothing is applied.",
                                "required": [
                                  "kind",
                                  "status"
                                ],
                                "additionalProperties": false,
                                "properties": {
                                  "kind": {
                                    "type": "string",
                                    "const": "status",
                                    "description": "The kind of fault."
                                  },
                                  "status": {
                                    "type": "integer",
                                    "enum": [
                                      429,
                                      500,
                                      502,
                                      503,
                                      504
                                    ],
                                    "description": "The status to answer."
                                  },
                                  "retryAfter": {
                                    "type": "integer",
                                    "minimum": 0,
                                    "description": "`Retry-After` in whole seconds. Default 1 for 429, none for the other statuses."
                                  },
                                  "times": {
                                    "type": "integer",
                                    "minimum": 1,
                                    "description": "Fire on the next this many matching requests, then remove the fault."
                                  },
                                  "probability": {
                                    "type": "number",
                                    "exclusiveMinimum": 0,
                                    "maximum": 1,
                                    "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                                  },
                                  "seed": {
                                    "type": "integer",
                                    "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                                  },
                                  "route": {
                                    "type": "string",
                                    "enum": [
                                      "identify",
                                      "region",
                                      "any"
                                    ],
                                    "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                                  }
                                }
                              },
                              {
                                "type": "object",
                                "description": "Breaks the connection before any answer: over a socket it is reset; in-process the fetch rejects with a\nTypeError. Nothing is applied.\n",
                                "required": [
                                  "kind"
                                ],
                                "additionalProperties": false,
                                "properties": {
                                  "kind": {
                                    "type": "string",
                                    "const": "reset",
                                    "description": "The kind of fault."
                                  },
                                  "times": {
                                    "type": "integer",
                                    "minimum": 1,
                                    "description": "Fire on the next this many matching requests, then remove the fault."
                                  },
                                  "probability": {
                                    "type": "number",
                                    "exclusiveMinimum": 0,
                                    "maximum": 1,
                                    "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                                  },
                                  "seed": {
                                    "type": "integer",
                                    "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                                  },
                                  "route": {
                                    "type": "string",
                                    "enum": [
                                      "identify",
                                      "region",
                                      "any"
                                    ],
                                    "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                                  }
                                }
                              },
                              {
                                "type": "object",
                                "description": "Headers that promise a JSON body, then only half of it before the connection closes. Nothing is applied,\neven when the status is 200.\n",
                                "required": [
                                  "kind"
                                ],
                                "additionalProperties": false,
                                "properties": {
                                  "kind": {
                                    "type": "string",
                                    "const": "truncate",
                                    "description": "The kind of fault."
                                  },
                                  "status": {
                                    "type": "integer",
                                    "enum": [
                                      200,
                                      500,
                                      502,
                                      503
                                    ],
                                    "description": "The status whose body is cut off. Default 200."
                                  },
                                  "times": {
                                    "type": "integer",
                                    "minimum": 1,
                                    "description": "Fire on the next this many matching requests, then remove the fault."
                                  },
                                  "probability": {
                                    "type": "number",
                                    "exclusiveMinimum": 0,
                                    "maximum": 1,
                                    "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                                  },
                                  "seed": {
                                    "type": "integer",
                                    "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                                  },
                                  "route": {
                                    "type": "string",
                                    "enum": [
                                      "identify",
                                      "region",
                                      "any"
                                    ],
                                    "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                                  }
                                }
                              },
                              {
                                "type": "object",
                                "description": "A proxy's HTML error page (`text/html`) instead of JSON. Nothing is applied.",
                                "required": [
                                  "kind"
                                ],
                                "additionalProperties": false,
                                "properties": {
                                  "kind": {
                                    "type": "string",
                                    "const": "html",
                                    "description": "The kind of fault."
                                  },
                                  "status": {
                                    "type": "integer",
                                    "enum": [
                                      502,
                                      503,
                                      504
                                    ],
                                    "description": "The status of the page. Default 502."
                                  },
                                  "times": {
                                    "type": "integer",
                                    "minimum": 1,
                                    "description": "Fire on the next this many matching requests, then remove the fault."
                                  },
                                  "probability": {
                                    "type": "number",
                                    "exclusiveMinimum": 0,
                                    "maximum": 1,
                                    "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                                  },
                                  "seed": {
                                    "type": "integer",
                                    "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                                  },
                                  "route": {
                                    "type": "string",
                                    "enum": [
                                      "identify",
                                      "region",
                                      "any"
                                    ],
                                    "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                                  }
                                }
                              },
                              {
                                "type": "object",
                                "description": "The redirect an EU workspace gets from the US host: `Location` is `to` followed by the request's own path\nand query. Nothing is applied here; the client is expected to repeat the request at `to`.\n",
                                "required": [
                                  "kind",
                                  "to"
                                ],
                                "additionalProperties": false,
                                "properties": {
                                  "kind": {
                                    "type": "string",
                                    "const": "redirect",
                                    "description": "The kind of fault."
                                  },
                                  "to": {
                                    "type": "string",
                                    "minLength": 1,
                                    "description": "An http(s) origin, with an optional path prefix and no query.",
                                    "examples": [
                                      "https://track-eu.customer.io"
                                    ]
                                  },
                                  "status": {
                                    "type": "integer",
                                    "enum": [
                                      301,
                                      302,
                                      307,
                                      308
                                    ],
                                    "description": "The redirect status. Default 301."
                                  },
                                  "times": {
                                    "type": "integer",
                                    "minimum": 1,
                                    "description": "Fire on the next this many matching requests, then remove the fault."
                                  },
                                  "probability": {
                                    "type": "number",
                                    "exclusiveMinimum": 0,
                                    "maximum": 1,
                                    "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                                  },
                                  "seed": {
                                    "type": "integer",
                                    "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                                  },
                                  "route": {
                                    "type": "string",
                                    "enum": [
                                      "identify",
                                      "region",
                                      "any"
                                    ],
                                    "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                                  }
                                }
                              }
                            ]
                          },
                          "fired": {
                            "type": "integer",
                            "minimum": 0,
                            "description": "How many requests it has answered or delayed."
                          },
                          "remaining": {
                            "type": "integer",
                            "minimum": 0,
                            "description": "Firings left, for a fault given `times`."
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "401": {
            "description": "The Basic credentials were missing or wrong.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "The same envelope as the Track API's errors.",
                  "required": [
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "meta": {
                      "type": "object",
                      "description": "One message as `error`, several as `errors`.",
                      "minProperties": 1,
                      "additionalProperties": false,
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
                    },
                    "problems": {
                      "type": "array",
                      "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
                      "items": {
                        "type": "object",
                        "description": "One problem of a request, in the shape used across the project.",
                        "required": [
                          "code",
                          "path",
                          "message"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "code": {
                            "type": "string",
                            "pattern": "^[a-z][a-z0-9_]*$",
                            "description": "Stable and machine-readable, in snake_case."
                          },
                          "path": {
                            "type": "array",
                            "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                            "items": {
                              "type": [
                                "string",
                                "integer"
                              ]
                            }
                          },
                          "message": {
                            "type": "string",
                            "description": "For people; names the element, never its value."
                          },
                          "source": {
                            "type": "string",
                            "enum": [
                              "seed",
                              "customerio",
                              "lint",
                              "bound"
                            ],
                            "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    },
    "/__simulator/stats": {
      "get": {
        "operationId": "getStats",
        "tags": [
          "Faults"
        ],
        "summary": "Read the request counters",
        "description": "Track API requests received, answered by a fault, delayed, and applied to the workspace, since the\nsimulator started or was last reset. A test that retries through faults can check that each change was\napplied once: `applied` counts identify calls that reached the rules, one `request` number each in the\nactivity log.\n",
        "responses": {
          "200": {
            "description": "The counters.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "Request counters since the simulator started or was last reset.",
                  "required": [
                    "received",
                    "applied",
                    "faulted",
                    "delayed",
                    "byKind"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "received": {
                      "type": "integer",
                      "minimum": 0,
                      "description": "Track API requests received, faulted or not."
                    },
                    "applied": {
                      "type": "integer",
                      "minimum": 0,
                      "description": "Identify calls applied to the workspace (each has one `request` number in the activity log)."
                    },
                    "faulted": {
                      "type": "integer",
                      "minimum": 0,
                      "description": "Requests answered by a fault (a delay alone does not count)."
                    },
                    "delayed": {
                      "type": "integer",
                      "minimum": 0,
                      "description": "Requests delayed by a `latency` fault."
                    },
                    "byKind": {
                      "type": "object",
                      "description": "Firings per kind of fault.",
                      "required": [
                        "latency",
                        "status",
                        "reset",
                        "truncate",
                        "html",
                        "redirect"
                      ],
                      "additionalProperties": false,
                      "properties": {
                        "latency": {
                          "type": "integer",
                          "minimum": 0,
                          "description": "Requests delayed."
                        },
                        "status": {
                          "type": "integer",
                          "minimum": 0,
                          "description": "Error statuses answered."
                        },
                        "reset": {
                          "type": "integer",
                          "minimum": 0,
                          "description": "Connections broken."
                        },
                        "truncate": {
                          "type": "integer",
                          "minimum": 0,
                          "description": "Bodies cut off."
                        },
                        "html": {
                          "type": "integer",
                          "minimum": 0,
                          "description": "HTML error pages answered."
                        },
                        "redirect": {
                          "type": "integer",
                          "minimum": 0,
                          "description": "Redirects answered."
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "401": {
            "description": "The Basic credentials were missing or wrong.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "The same envelope as the Track API's errors.",
                  "required": [
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "meta": {
                      "type": "object",
                      "description": "One message as `error`, several as `errors`.",
                      "minProperties": 1,
                      "additionalProperties": false,
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
                    },
                    "problems": {
                      "type": "array",
                      "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
                      "items": {
                        "type": "object",
                        "description": "One problem of a request, in the shape used across the project.",
                        "required": [
                          "code",
                          "path",
                          "message"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "code": {
                            "type": "string",
                            "pattern": "^[a-z][a-z0-9_]*$",
                            "description": "Stable and machine-readable, in snake_case."
                          },
                          "path": {
                            "type": "array",
                            "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                            "items": {
                              "type": [
                                "string",
                                "integer"
                              ]
                            }
                          },
                          "message": {
                            "type": "string",
                            "description": "For people; names the element, never its value."
                          },
                          "source": {
                            "type": "string",
                            "enum": [
                              "seed",
                              "customerio",
                              "lint",
                              "bound"
                            ],
                            "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  },
  "components": {
    "parameters": {
      "Limit": {
        "name": "limit",
        "in": "query",
        "required": false,
        "description": "The most items one page holds.",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 1000,
          "default": 100
        }
      },
      "Cursor": {
        "name": "cursor",
        "in": "query",
        "required": false,
        "description": "The `next_cursor` of the page before, as it came. A cursor given before the workspace was reset is\nrefused (400).\n",
        "schema": {
          "type": "string",
          "minLength": 1
        }
      }
    },
    "securitySchemes": {
      "simulatorBasicAuth": {
        "type": "http",
        "scheme": "basic",
        "description": "The simulator's own site ID and API key (by default `sim-site` and `sim-key`), the same pair its Track API\nroutes accept.\n"
      }
    },
    "responses": {
      "BadRequest": {
        "description": "The query or body broke the schema. The envelope names each problem.",
        "content": {
          "application/json": {
            "schema": {
              "type": "object",
              "description": "The same envelope as the Track API's errors.",
              "required": [
                "meta"
              ],
              "additionalProperties": false,
              "properties": {
                "meta": {
                  "type": "object",
                  "description": "One message as `error`, several as `errors`.",
                  "minProperties": 1,
                  "additionalProperties": false,
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
                },
                "problems": {
                  "type": "array",
                  "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
                  "items": {
                    "type": "object",
                    "description": "One problem of a request, in the shape used across the project.",
                    "required": [
                      "code",
                      "path",
                      "message"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "code": {
                        "type": "string",
                        "pattern": "^[a-z][a-z0-9_]*$",
                        "description": "Stable and machine-readable, in snake_case."
                      },
                      "path": {
                        "type": "array",
                        "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                        "items": {
                          "type": [
                            "string",
                            "integer"
                          ]
                        }
                      },
                      "message": {
                        "type": "string",
                        "description": "For people; names the element, never its value."
                      },
                      "source": {
                        "type": "string",
                        "enum": [
                          "seed",
                          "customerio",
                          "lint",
                          "bound"
                        ],
                        "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                      }
                    }
                  }
                }
              }
            }
          }
        }
      },
      "Unauthorized": {
        "description": "The Basic credentials were missing or wrong.",
        "content": {
          "application/json": {
            "schema": {
              "type": "object",
              "description": "The same envelope as the Track API's errors.",
              "required": [
                "meta"
              ],
              "additionalProperties": false,
              "properties": {
                "meta": {
                  "type": "object",
                  "description": "One message as `error`, several as `errors`.",
                  "minProperties": 1,
                  "additionalProperties": false,
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
                },
                "problems": {
                  "type": "array",
                  "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
                  "items": {
                    "type": "object",
                    "description": "One problem of a request, in the shape used across the project.",
                    "required": [
                      "code",
                      "path",
                      "message"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "code": {
                        "type": "string",
                        "pattern": "^[a-z][a-z0-9_]*$",
                        "description": "Stable and machine-readable, in snake_case."
                      },
                      "path": {
                        "type": "array",
                        "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                        "items": {
                          "type": [
                            "string",
                            "integer"
                          ]
                        }
                      },
                      "message": {
                        "type": "string",
                        "description": "For people; names the element, never its value."
                      },
                      "source": {
                        "type": "string",
                        "enum": [
                          "seed",
                          "customerio",
                          "lint",
                          "bound"
                        ],
                        "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                      }
                    }
                  }
                }
              }
            }
          }
        }
      },
      "NotFound": {
        "description": "Nobody matched.",
        "content": {
          "application/json": {
            "schema": {
              "type": "object",
              "description": "The same envelope as the Track API's errors.",
              "required": [
                "meta"
              ],
              "additionalProperties": false,
              "properties": {
                "meta": {
                  "type": "object",
                  "description": "One message as `error`, several as `errors`.",
                  "minProperties": 1,
                  "additionalProperties": false,
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
                },
                "problems": {
                  "type": "array",
                  "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
                  "items": {
                    "type": "object",
                    "description": "One problem of a request, in the shape used across the project.",
                    "required": [
                      "code",
                      "path",
                      "message"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "code": {
                        "type": "string",
                        "pattern": "^[a-z][a-z0-9_]*$",
                        "description": "Stable and machine-readable, in snake_case."
                      },
                      "path": {
                        "type": "array",
                        "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                        "items": {
                          "type": [
                            "string",
                            "integer"
                          ]
                        }
                      },
                      "message": {
                        "type": "string",
                        "description": "For people; names the element, never its value."
                      },
                      "source": {
                        "type": "string",
                        "enum": [
                          "seed",
                          "customerio",
                          "lint",
                          "bound"
                        ],
                        "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                      }
                    }
                  }
                }
              }
            }
          }
        }
      },
      "Conflict": {
        "description": "An identifier of a person to add is already held by someone in the workspace or in the same request\n(`identifier_taken`), or the workspace was reset, from code in the simulator's process, while the batch was\nbeing added (`workspace_reset`). Either way nobody from the request is in the workspace.\n",
        "content": {
          "application/json": {
            "schema": {
              "type": "object",
              "description": "The same envelope as the Track API's errors.",
              "required": [
                "meta"
              ],
              "additionalProperties": false,
              "properties": {
                "meta": {
                  "type": "object",
                  "description": "One message as `error`, several as `errors`.",
                  "minProperties": 1,
                  "additionalProperties": false,
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
                },
                "problems": {
                  "type": "array",
                  "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
                  "items": {
                    "type": "object",
                    "description": "One problem of a request, in the shape used across the project.",
                    "required": [
                      "code",
                      "path",
                      "message"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "code": {
                        "type": "string",
                        "pattern": "^[a-z][a-z0-9_]*$",
                        "description": "Stable and machine-readable, in snake_case."
                      },
                      "path": {
                        "type": "array",
                        "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                        "items": {
                          "type": [
                            "string",
                            "integer"
                          ]
                        }
                      },
                      "message": {
                        "type": "string",
                        "description": "For people; names the element, never its value."
                      },
                      "source": {
                        "type": "string",
                        "enum": [
                          "seed",
                          "customerio",
                          "lint",
                          "bound"
                        ],
                        "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    },
    "schemas": {
      "TopicPreferences": {
        "type": "object",
        "description": "One boolean per topic, keyed `topic_<id>` (rule C14).",
        "additionalProperties": false,
        "patternProperties": {
          "^topic_[1-9][0-9]*$": {
            "type": "boolean"
          }
        }
      },
      "PersonRelationship": {
        "type": "object",
        "description": "A relationship of the person to an object, named by type and id (rules C19, C20).",
        "required": [
          "object_type_id",
          "object_id",
          "attributes"
        ],
        "additionalProperties": false,
        "properties": {
          "object_type_id": {
            "type": "string",
            "pattern": "^[1-9][0-9]*$",
            "description": "The object's type, a whole number from 1 written as a string."
          },
          "object_id": {
            "type": "string",
            "description": "The object's id within its type."
          },
          "attributes": {
            "type": "object",
            "description": "Attributes of the relationship (rule C21).",
            "additionalProperties": {
              "type": [
                "string",
                "number",
                "boolean"
              ]
            }
          }
        }
      },
      "PersonRecord": {
        "type": "object",
        "description": "A person as the simulated workspace holds them.",
        "required": [
          "cio_id",
          "attributes",
          "topics",
          "unsubscribed",
          "relationships",
          "deleted"
        ],
        "additionalProperties": false,
        "properties": {
          "cio_id": {
            "type": "string",
            "description": "The workspace's internal id, without the `cio_` prefix.",
            "examples": [
              "0300000000000001"
            ]
          },
          "id": {
            "type": "string",
            "description": "The person's id, if set."
          },
          "email": {
            "type": "string",
            "description": "The person's email address as first given, if set."
          },
          "anonymous_id": {
            "type": "string",
            "description": "The anonymous id currently linked to the person, if any (rule C16)."
          },
          "created_at": {
            "type": "integer",
            "description": "Unix seconds, as last sent in `created_at` (rule C22)."
          },
          "attributes": {
            "type": "object",
            "description": "Custom attributes. Identifiers and the fields below are not repeated here.",
            "additionalProperties": true
          },
          "topics": {
            "type": "object",
            "description": "One boolean per topic, keyed `topic_<id>` (rule C14).",
            "additionalProperties": false,
            "patternProperties": {
              "^topic_[1-9][0-9]*$": {
                "type": "boolean"
              }
            }
          },
          "unsubscribed": {
            "type": "boolean",
            "description": "Whether the person is unsubscribed from every message (rule C17)."
          },
          "relationships": {
            "type": "array",
            "description": "Relationships, in the order they were first added.",
            "items": {
              "type": "object",
              "description": "A relationship of the person to an object, named by type and id (rules C19, C20).",
              "required": [
                "object_type_id",
                "object_id",
                "attributes"
              ],
              "additionalProperties": false,
              "properties": {
                "object_type_id": {
                  "type": "string",
                  "pattern": "^[1-9][0-9]*$",
                  "description": "The object's type, a whole number from 1 written as a string."
                },
                "object_id": {
                  "type": "string",
                  "description": "The object's id within its type."
                },
                "attributes": {
                  "type": "object",
                  "description": "Attributes of the relationship (rule C21).",
                  "additionalProperties": {
                    "type": [
                      "string",
                      "number",
                      "boolean"
                    ]
                  }
                }
              }
            }
          },
          "deleted": {
            "type": "boolean",
            "description": "Whether the person was deleted."
          },
          "last_timestamp": {
            "type": "integer",
            "description": "The newest `_timestamp` applied to the person, if any."
          }
        }
      },
      "PersonList": {
        "type": "object",
        "description": "A list of people.",
        "required": [
          "people"
        ],
        "additionalProperties": false,
        "properties": {
          "people": {
            "type": "array",
            "description": "The people.",
            "items": {
              "type": "object",
              "description": "A person as the simulated workspace holds them.",
              "required": [
                "cio_id",
                "attributes",
                "topics",
                "unsubscribed",
                "relationships",
                "deleted"
              ],
              "additionalProperties": false,
              "properties": {
                "cio_id": {
                  "type": "string",
                  "description": "The workspace's internal id, without the `cio_` prefix.",
                  "examples": [
                    "0300000000000001"
                  ]
                },
                "id": {
                  "type": "string",
                  "description": "The person's id, if set."
                },
                "email": {
                  "type": "string",
                  "description": "The person's email address as first given, if set."
                },
                "anonymous_id": {
                  "type": "string",
                  "description": "The anonymous id currently linked to the person, if any (rule C16)."
                },
                "created_at": {
                  "type": "integer",
                  "description": "Unix seconds, as last sent in `created_at` (rule C22)."
                },
                "attributes": {
                  "type": "object",
                  "description": "Custom attributes. Identifiers and the fields below are not repeated here.",
                  "additionalProperties": true
                },
                "topics": {
                  "type": "object",
                  "description": "One boolean per topic, keyed `topic_<id>` (rule C14).",
                  "additionalProperties": false,
                  "patternProperties": {
                    "^topic_[1-9][0-9]*$": {
                      "type": "boolean"
                    }
                  }
                },
                "unsubscribed": {
                  "type": "boolean",
                  "description": "Whether the person is unsubscribed from every message (rule C17)."
                },
                "relationships": {
                  "type": "array",
                  "description": "Relationships, in the order they were first added.",
                  "items": {
                    "type": "object",
                    "description": "A relationship of the person to an object, named by type and id (rules C19, C20).",
                    "required": [
                      "object_type_id",
                      "object_id",
                      "attributes"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "object_type_id": {
                        "type": "string",
                        "pattern": "^[1-9][0-9]*$",
                        "description": "The object's type, a whole number from 1 written as a string."
                      },
                      "object_id": {
                        "type": "string",
                        "description": "The object's id within its type."
                      },
                      "attributes": {
                        "type": "object",
                        "description": "Attributes of the relationship (rule C21).",
                        "additionalProperties": {
                          "type": [
                            "string",
                            "number",
                            "boolean"
                          ]
                        }
                      }
                    }
                  }
                },
                "deleted": {
                  "type": "boolean",
                  "description": "Whether the person was deleted."
                },
                "last_timestamp": {
                  "type": "integer",
                  "description": "The newest `_timestamp` applied to the person, if any."
                }
              }
            }
          }
        }
      },
      "PeoplePage": {
        "type": "object",
        "description": "One page of people, oldest first.",
        "required": [
          "people",
          "next_cursor"
        ],
        "additionalProperties": false,
        "properties": {
          "people": {
            "type": "array",
            "description": "The people.",
            "items": {
              "type": "object",
              "description": "A person as the simulated workspace holds them.",
              "required": [
                "cio_id",
                "attributes",
                "topics",
                "unsubscribed",
                "relationships",
                "deleted"
              ],
              "additionalProperties": false,
              "properties": {
                "cio_id": {
                  "type": "string",
                  "description": "The workspace's internal id, without the `cio_` prefix.",
                  "examples": [
                    "0300000000000001"
                  ]
                },
                "id": {
                  "type": "string",
                  "description": "The person's id, if set."
                },
                "email": {
                  "type": "string",
                  "description": "The person's email address as first given, if set."
                },
                "anonymous_id": {
                  "type": "string",
                  "description": "The anonymous id currently linked to the person, if any (rule C16)."
                },
                "created_at": {
                  "type": "integer",
                  "description": "Unix seconds, as last sent in `created_at` (rule C22)."
                },
                "attributes": {
                  "type": "object",
                  "description": "Custom attributes. Identifiers and the fields below are not repeated here.",
                  "additionalProperties": true
                },
                "topics": {
                  "type": "object",
                  "description": "One boolean per topic, keyed `topic_<id>` (rule C14).",
                  "additionalProperties": false,
                  "patternProperties": {
                    "^topic_[1-9][0-9]*$": {
                      "type": "boolean"
                    }
                  }
                },
                "unsubscribed": {
                  "type": "boolean",
                  "description": "Whether the person is unsubscribed from every message (rule C17)."
                },
                "relationships": {
                  "type": "array",
                  "description": "Relationships, in the order they were first added.",
                  "items": {
                    "type": "object",
                    "description": "A relationship of the person to an object, named by type and id (rules C19, C20).",
                    "required": [
                      "object_type_id",
                      "object_id",
                      "attributes"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "object_type_id": {
                        "type": "string",
                        "pattern": "^[1-9][0-9]*$",
                        "description": "The object's type, a whole number from 1 written as a string."
                      },
                      "object_id": {
                        "type": "string",
                        "description": "The object's id within its type."
                      },
                      "attributes": {
                        "type": "object",
                        "description": "Attributes of the relationship (rule C21).",
                        "additionalProperties": {
                          "type": [
                            "string",
                            "number",
                            "boolean"
                          ]
                        }
                      }
                    }
                  }
                },
                "deleted": {
                  "type": "boolean",
                  "description": "Whether the person was deleted."
                },
                "last_timestamp": {
                  "type": "integer",
                  "description": "The newest `_timestamp` applied to the person, if any."
                }
              }
            }
          },
          "next_cursor": {
            "type": [
              "string",
              "null"
            ],
            "description": "Pass as `cursor` for the next page; null on the last page."
          }
        }
      },
      "ActivityEntry": {
        "type": "object",
        "description": "One thing that happened in the workspace. `attribute_update_failure`, `failed_attribute_change` and\n`request_dropped` record the parts of a `200` answer that were not applied.\n",
        "required": [
          "seq",
          "at",
          "type",
          "reason"
        ],
        "additionalProperties": false,
        "properties": {
          "seq": {
            "type": "integer",
            "minimum": 1,
            "description": "Position in the log, from 1; never reused until the workspace is reset."
          },
          "at": {
            "type": "number",
            "description": "When it happened (its request was applied), in milliseconds of the simulator's clock."
          },
          "received_at": {
            "type": "number",
            "description": "With eventual processing only: when the request behind the entry was received and answered\n`200 {}`, in milliseconds of the simulator's clock. `at` is when it was applied.\n"
          },
          "type": {
            "type": "string",
            "enum": [
              "person_created",
              "attributes_updated",
              "attribute_update_failure",
              "failed_attribute_change",
              "request_dropped",
              "person_deleted"
            ],
            "description": "What happened."
          },
          "clause": {
            "type": "string",
            "pattern": "^C[1-9][0-9]*$",
            "description": "The rule that decided it (C1–C24), when one did."
          },
          "cio_id": {
            "type": "string",
            "description": "The person concerned, when there is one."
          },
          "identifier": {
            "type": "string",
            "description": "Which identifier it concerns (`path`, `id`, `email`, `anonymous_id`), when it concerns one."
          },
          "conflicting_cio_id": {
            "type": "string",
            "description": "For a conflict, the person who already holds the identifier."
          },
          "request": {
            "type": "integer",
            "minimum": 1,
            "description": "The `seq` of the Track API request that caused it (see `GET /__simulator/requests`), shared by all\nentries of that request.\n"
          },
          "changed": {
            "type": "array",
            "description": "On `person_created` and `attributes_updated`: the identifiers and attributes whose value the request\nactually changed. Writing a value a person already has is not a change, so a request delivered twice\n(a retry after a timeout) shows an empty list the second time.\n",
            "items": {
              "type": "string"
            }
          },
          "reason": {
            "type": "string",
            "description": "Why, in words."
          }
        }
      },
      "ActivityType": {
        "type": "string",
        "enum": [
          "person_created",
          "attributes_updated",
          "attribute_update_failure",
          "failed_attribute_change",
          "request_dropped",
          "person_deleted"
        ],
        "description": "What happened."
      },
      "ActivityPage": {
        "type": "object",
        "description": "One page of activity entries.",
        "required": [
          "activity",
          "last_seq",
          "next_cursor"
        ],
        "additionalProperties": false,
        "properties": {
          "activity": {
            "type": "array",
            "description": "The entries, in the order asked for.",
            "items": {
              "type": "object",
              "description": "One thing that happened in the workspace. `attribute_update_failure`, `failed_attribute_change` and\n`request_dropped` record the parts of a `200` answer that were not applied.\n",
              "required": [
                "seq",
                "at",
                "type",
                "reason"
              ],
              "additionalProperties": false,
              "properties": {
                "seq": {
                  "type": "integer",
                  "minimum": 1,
                  "description": "Position in the log, from 1; never reused until the workspace is reset."
                },
                "at": {
                  "type": "number",
                  "description": "When it happened (its request was applied), in milliseconds of the simulator's clock."
                },
                "received_at": {
                  "type": "number",
                  "description": "With eventual processing only: when the request behind the entry was received and answered\n`200 {}`, in milliseconds of the simulator's clock. `at` is when it was applied.\n"
                },
                "type": {
                  "type": "string",
                  "enum": [
                    "person_created",
                    "attributes_updated",
                    "attribute_update_failure",
                    "failed_attribute_change",
                    "request_dropped",
                    "person_deleted"
                  ],
                  "description": "What happened."
                },
                "clause": {
                  "type": "string",
                  "pattern": "^C[1-9][0-9]*$",
                  "description": "The rule that decided it (C1–C24), when one did."
                },
                "cio_id": {
                  "type": "string",
                  "description": "The person concerned, when there is one."
                },
                "identifier": {
                  "type": "string",
                  "description": "Which identifier it concerns (`path`, `id`, `email`, `anonymous_id`), when it concerns one."
                },
                "conflicting_cio_id": {
                  "type": "string",
                  "description": "For a conflict, the person who already holds the identifier."
                },
                "request": {
                  "type": "integer",
                  "minimum": 1,
                  "description": "The `seq` of the Track API request that caused it (see `GET /__simulator/requests`), shared by all\nentries of that request.\n"
                },
                "changed": {
                  "type": "array",
                  "description": "On `person_created` and `attributes_updated`: the identifiers and attributes whose value the request\nactually changed. Writing a value a person already has is not a change, so a request delivered twice\n(a retry after a timeout) shows an empty list the second time.\n",
                  "items": {
                    "type": "string"
                  }
                },
                "reason": {
                  "type": "string",
                  "description": "Why, in words."
                }
              }
            }
          },
          "last_seq": {
            "type": "integer",
            "minimum": 0,
            "description": "The `seq` of the newest entry ever written (0 when none); pass it as `since` to follow the log."
          },
          "next_cursor": {
            "type": [
              "string",
              "null"
            ],
            "description": "Pass as `cursor` for the next page; null on the last page."
          }
        }
      },
      "RecordedRequest": {
        "type": "object",
        "description": "One Track API request as the simulator received it, with the answer it gave; credentials redacted.",
        "required": [
          "seq",
          "received_at",
          "method",
          "path",
          "query",
          "headers",
          "body",
          "response"
        ],
        "additionalProperties": false,
        "properties": {
          "seq": {
            "type": "integer",
            "minimum": 1,
            "description": "From 1 in order of arrival; activity entries name it as `request`."
          },
          "received_at": {
            "type": "string",
            "format": "date-time",
            "description": "When it arrived, by the simulator's clock."
          },
          "answered_at": {
            "type": "string",
            "format": "date-time",
            "description": "When it was answered, or failed; absent while it is in flight."
          },
          "last_seq_at_answer": {
            "type": "integer",
            "minimum": 1,
            "description": "The newest `seq` received when this request was answered: the requests with a greater `seq` up to this\none arrived while it was in flight (they overlapped it).\n"
          },
          "method": {
            "type": "string",
            "examples": [
              "PUT"
            ]
          },
          "path": {
            "type": "string",
            "description": "The path as sent, percent-escapes kept.",
            "examples": [
              "/api/v1/customers/ada%40example.com"
            ]
          },
          "query": {
            "type": "string",
            "description": "The query string without its `?`; empty when there was none."
          },
          "headers": {
            "type": "object",
            "description": "Header names in lower case, repeated fields joined with \", \". `Authorization`, `Proxy-Authorization`,\n`Cookie` and API-key headers keep only their scheme, such as `Basic [redacted]`.\n",
            "additionalProperties": {
              "type": "string"
            }
          },
          "body": {
            "type": [
              "string",
              "null"
            ],
            "description": "The body as UTF-8 text; null when it was answered without reading the body (a fault, a 401, a 413)."
          },
          "body_truncated": {
            "type": "boolean",
            "description": "Present and true when the body was longer than the 64 KiB the log keeps."
          },
          "response": {
            "description": "The answer; null when none was given (a `reset` fault) or it is in flight.",
            "oneOf": [
              {
                "type": "null"
              },
              {
                "type": "object",
                "required": [
                  "status",
                  "content_type",
                  "body"
                ],
                "additionalProperties": false,
                "properties": {
                  "status": {
                    "type": "integer"
                  },
                  "content_type": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "body": {
                    "type": "string"
                  }
                }
              }
            ]
          },
          "error": {
            "type": "string",
            "description": "Why no answer was given, when none was."
          }
        }
      },
      "RequestPage": {
        "type": "object",
        "description": "One page of recorded requests.",
        "required": [
          "requests",
          "last_seq",
          "next_cursor"
        ],
        "additionalProperties": false,
        "properties": {
          "requests": {
            "type": "array",
            "description": "The requests, in the order asked for.",
            "items": {
              "type": "object",
              "description": "One Track API request as the simulator received it, with the answer it gave; credentials redacted.",
              "required": [
                "seq",
                "received_at",
                "method",
                "path",
                "query",
                "headers",
                "body",
                "response"
              ],
              "additionalProperties": false,
              "properties": {
                "seq": {
                  "type": "integer",
                  "minimum": 1,
                  "description": "From 1 in order of arrival; activity entries name it as `request`."
                },
                "received_at": {
                  "type": "string",
                  "format": "date-time",
                  "description": "When it arrived, by the simulator's clock."
                },
                "answered_at": {
                  "type": "string",
                  "format": "date-time",
                  "description": "When it was answered, or failed; absent while it is in flight."
                },
                "last_seq_at_answer": {
                  "type": "integer",
                  "minimum": 1,
                  "description": "The newest `seq` received when this request was answered: the requests with a greater `seq` up to this\none arrived while it was in flight (they overlapped it).\n"
                },
                "method": {
                  "type": "string",
                  "examples": [
                    "PUT"
                  ]
                },
                "path": {
                  "type": "string",
                  "description": "The path as sent, percent-escapes kept.",
                  "examples": [
                    "/api/v1/customers/ada%40example.com"
                  ]
                },
                "query": {
                  "type": "string",
                  "description": "The query string without its `?`; empty when there was none."
                },
                "headers": {
                  "type": "object",
                  "description": "Header names in lower case, repeated fields joined with \", \". `Authorization`, `Proxy-Authorization`,\n`Cookie` and API-key headers keep only their scheme, such as `Basic [redacted]`.\n",
                  "additionalProperties": {
                    "type": "string"
                  }
                },
                "body": {
                  "type": [
                    "string",
                    "null"
                  ],
                  "description": "The body as UTF-8 text; null when it was answered without reading the body (a fault, a 401, a 413)."
                },
                "body_truncated": {
                  "type": "boolean",
                  "description": "Present and true when the body was longer than the 64 KiB the log keeps."
                },
                "response": {
                  "description": "The answer; null when none was given (a `reset` fault) or it is in flight.",
                  "oneOf": [
                    {
                      "type": "null"
                    },
                    {
                      "type": "object",
                      "required": [
                        "status",
                        "content_type",
                        "body"
                      ],
                      "additionalProperties": false,
                      "properties": {
                        "status": {
                          "type": "integer"
                        },
                        "content_type": {
                          "type": [
                            "string",
                            "null"
                          ]
                        },
                        "body": {
                          "type": "string"
                        }
                      }
                    }
                  ]
                },
                "error": {
                  "type": "string",
                  "description": "Why no answer was given, when none was."
                }
              }
            }
          },
          "last_seq": {
            "type": "integer",
            "minimum": 0,
            "description": "The `seq` of the newest request received (0 when none); pass it as `since` to follow the log."
          },
          "next_cursor": {
            "type": [
              "string",
              "null"
            ],
            "description": "Pass as `cursor` for the next page; null on the last page."
          }
        }
      },
      "WorkspaceSettings": {
        "type": "object",
        "description": "Settings of the simulated workspace that change identity resolution: Customer.io's own two, and the readings\nof three choices the endpoint's description leaves open (docs/simulator.md, \"Open choices\").\n",
        "required": [
          "identifiedBy",
          "allowEmailUpdatesById",
          "bodyIdentifierPrecedence",
          "pathReplacesSetIdentifier",
          "deletedAnonymousIds"
        ],
        "additionalProperties": false,
        "properties": {
          "identifiedBy": {
            "type": "string",
            "enum": [
              "email_or_id",
              "id"
            ],
            "description": "`email_or_id`: email addresses identify people, case-insensitively (rules C9, C10). `id`: only ids do;\nan email-shaped path is read as an id and `email` is a plain attribute.\n"
          },
          "allowEmailUpdatesById": {
            "type": "boolean",
            "description": "The setting \"Allow updates to email using ID\" (rule C6)."
          },
          "bodyIdentifierPrecedence": {
            "type": "string",
            "enum": [
              "id",
              "email"
            ],
            "description": "When nobody holds the path identifier and the body's `id` and `email` name two different people: the\nperson named by this one is updated and takes the path identifier (C3); the other identifier is logged\nas a C4 conflict. Default `id`.\n"
          },
          "pathReplacesSetIdentifier": {
            "type": "boolean",
            "description": "When the person found through the body (C3) already holds a different identifier of the path's kind:\n`false` (default) keeps theirs and logs a C5 failure; `true` gives them the path identifier instead.\n"
          },
          "deletedAnonymousIds": {
            "type": "string",
            "enum": [
              "reserved",
              "released"
            ],
            "description": "The anonymous ids of a deleted person: `reserved` (default) refuses them to anyone else, as C16 says\nthe value is not reusable; `released` lets another person take them.\n"
          }
        }
      },
      "SettingsPatch": {
        "type": "object",
        "description": "The settings to change; settings left out keep their value.",
        "additionalProperties": false,
        "properties": {
          "identifiedBy": {
            "type": "string",
            "enum": [
              "email_or_id",
              "id"
            ],
            "description": "See WorkspaceSettings."
          },
          "allowEmailUpdatesById": {
            "type": "boolean",
            "description": "See WorkspaceSettings."
          },
          "bodyIdentifierPrecedence": {
            "type": "string",
            "enum": [
              "id",
              "email"
            ],
            "description": "See WorkspaceSettings."
          },
          "pathReplacesSetIdentifier": {
            "type": "boolean",
            "description": "See WorkspaceSettings."
          },
          "deletedAnonymousIds": {
            "type": "string",
            "enum": [
              "reserved",
              "released"
            ],
            "description": "See WorkspaceSettings."
          }
        }
      },
      "SeedPerson": {
        "type": "object",
        "description": "A person to put into the workspace directly.",
        "additionalProperties": false,
        "properties": {
          "cio_id": {
            "type": "string",
            "minLength": 1,
            "maxLength": 150,
            "description": "The cio_id to give, with or without the `cio_` prefix; generated when left out.",
            "not": {
              "const": "cio_"
            }
          },
          "id": {
            "type": "string",
            "minLength": 1,
            "maxLength": 150,
            "description": "The person's id."
          },
          "email": {
            "type": "string",
            "format": "email",
            "maxLength": 150,
            "description": "The person's email address."
          },
          "anonymous_id": {
            "type": "string",
            "minLength": 1,
            "maxLength": 150,
            "description": "An anonymous id to link to the person."
          },
          "created_at": {
            "type": "integer",
            "minimum": 0,
            "description": "Unix seconds."
          },
          "unsubscribed": {
            "type": "boolean",
            "description": "Whether the person is unsubscribed from every message."
          },
          "attributes": {
            "type": "object",
            "description": "Custom attributes; `null` and `\"\"` values are left out, as an identify call would.",
            "additionalProperties": true
          },
          "topics": {
            "type": "object",
            "description": "One boolean per topic, keyed `topic_<id>` (rule C14).",
            "additionalProperties": false,
            "patternProperties": {
              "^topic_[1-9][0-9]*$": {
                "type": "boolean"
              }
            }
          }
        }
      },
      "SeedRequest": {
        "type": "object",
        "description": "People to add.",
        "required": [
          "people"
        ],
        "additionalProperties": false,
        "properties": {
          "people": {
            "type": "array",
            "description": "The people, added in this order: at most 1000 per call, so that one call never holds up the other\nrequests for long. Send a larger workspace in several calls.\n",
            "maxItems": 1000,
            "items": {
              "type": "object",
              "description": "A person to put into the workspace directly.",
              "additionalProperties": false,
              "properties": {
                "cio_id": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 150,
                  "description": "The cio_id to give, with or without the `cio_` prefix; generated when left out.",
                  "not": {
                    "const": "cio_"
                  }
                },
                "id": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 150,
                  "description": "The person's id."
                },
                "email": {
                  "type": "string",
                  "format": "email",
                  "maxLength": 150,
                  "description": "The person's email address."
                },
                "anonymous_id": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 150,
                  "description": "An anonymous id to link to the person."
                },
                "created_at": {
                  "type": "integer",
                  "minimum": 0,
                  "description": "Unix seconds."
                },
                "unsubscribed": {
                  "type": "boolean",
                  "description": "Whether the person is unsubscribed from every message."
                },
                "attributes": {
                  "type": "object",
                  "description": "Custom attributes; `null` and `\"\"` values are left out, as an identify call would.",
                  "additionalProperties": true
                },
                "topics": {
                  "type": "object",
                  "description": "One boolean per topic, keyed `topic_<id>` (rule C14).",
                  "additionalProperties": false,
                  "patternProperties": {
                    "^topic_[1-9][0-9]*$": {
                      "type": "boolean"
                    }
                  }
                }
              }
            }
          }
        }
      },
      "Empty": {
        "type": "object",
        "description": "An empty JSON object.",
        "additionalProperties": false
      },
      "FaultTimes": {
        "type": "integer",
        "minimum": 1,
        "description": "Fire on the next this many matching requests, then remove the fault."
      },
      "FaultProbability": {
        "type": "number",
        "exclusiveMinimum": 0,
        "maximum": 1,
        "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
      },
      "FaultSeed": {
        "type": "integer",
        "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
      },
      "FaultRoute": {
        "type": "string",
        "enum": [
          "identify",
          "region",
          "any"
        ],
        "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
      },
      "LatencyFault": {
        "type": "object",
        "description": "Waits before handling the request, which is then handled and applied normally.",
        "required": [
          "kind",
          "ms"
        ],
        "additionalProperties": false,
        "properties": {
          "kind": {
            "type": "string",
            "const": "latency",
            "description": "The kind of fault."
          },
          "ms": {
            "type": "number",
            "minimum": 0,
            "maximum": 60000,
            "description": "Milliseconds to wait."
          },
          "times": {
            "type": "integer",
            "minimum": 1,
            "description": "Fire on the next this many matching requests, then remove the fault."
          },
          "probability": {
            "type": "number",
            "exclusiveMinimum": 0,
            "maximum": 1,
            "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
          },
          "seed": {
            "type": "integer",
            "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
          },
          "route": {
            "type": "string",
            "enum": [
              "identify",
              "region",
              "any"
            ],
            "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
          }
        }
      },
      "StatusFault": {
        "type": "object",
        "description": "Answers with an error status and the JSON error envelope; nothing is applied.",
        "required": [
          "kind",
          "status"
        ],
        "additionalProperties": false,
        "properties": {
          "kind": {
            "type": "string",
            "const": "status",
            "description": "The kind of fault."
          },
          "status": {
            "type": "integer",
            "enum": [
              429,
              500,
              502,
              503,
              504
            ],
            "description": "The status to answer."
          },
          "retryAfter": {
            "type": "integer",
            "minimum": 0,
            "description": "`Retry-After` in whole seconds. Default 1 for 429, none for the other statuses."
          },
          "times": {
            "type": "integer",
            "minimum": 1,
            "description": "Fire on the next this many matching requests, then remove the fault."
          },
          "probability": {
            "type": "number",
            "exclusiveMinimum": 0,
            "maximum": 1,
            "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
          },
          "seed": {
            "type": "integer",
            "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
          },
          "route": {
            "type": "string",
            "enum": [
              "identify",
              "region",
              "any"
            ],
            "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
          }
        }
      },
      "ResetFault": {
        "type": "object",
        "description": "Breaks the connection before any answer: over a socket it is reset; in-process the fetch rejects with a\nTypeError. Nothing is applied.\n",
        "required": [
          "kind"
        ],
        "additionalProperties": false,
        "properties": {
          "kind": {
            "type": "string",
            "const": "reset",
            "description": "The kind of fault."
          },
          "times": {
            "type": "integer",
            "minimum": 1,
            "description": "Fire on the next this many matching requests, then remove the fault."
          },
          "probability": {
            "type": "number",
            "exclusiveMinimum": 0,
            "maximum": 1,
            "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
          },
          "seed": {
            "type": "integer",
            "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
          },
          "route": {
            "type": "string",
            "enum": [
              "identify",
              "region",
              "any"
            ],
            "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
          }
        }
      },
      "TruncateFault": {
        "type": "object",
        "description": "Headers that promise a JSON body, then only half of it before the connection closes. Nothing is applied,\neven when the status is 200.\n",
        "required": [
          "kind"
        ],
        "additionalProperties": false,
        "properties": {
          "kind": {
            "type": "string",
            "const": "truncate",
            "description": "The kind of fault."
          },
          "status": {
            "type": "integer",
            "enum": [
              200,
              500,
              502,
              503
            ],
            "description": "The status whose body is cut off. Default 200."
          },
          "times": {
            "type": "integer",
            "minimum": 1,
            "description": "Fire on the next this many matching requests, then remove the fault."
          },
          "probability": {
            "type": "number",
            "exclusiveMinimum": 0,
            "maximum": 1,
            "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
          },
          "seed": {
            "type": "integer",
            "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
          },
          "route": {
            "type": "string",
            "enum": [
              "identify",
              "region",
              "any"
            ],
            "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
          }
        }
      },
      "HtmlFault": {
        "type": "object",
        "description": "A proxy's HTML error page (`text/html`) instead of JSON. Nothing is applied.",
        "required": [
          "kind"
        ],
        "additionalProperties": false,
        "properties": {
          "kind": {
            "type": "string",
            "const": "html",
            "description": "The kind of fault."
          },
          "status": {
            "type": "integer",
            "enum": [
              502,
              503,
              504
            ],
            "description": "The status of the page. Default 502."
          },
          "times": {
            "type": "integer",
            "minimum": 1,
            "description": "Fire on the next this many matching requests, then remove the fault."
          },
          "probability": {
            "type": "number",
            "exclusiveMinimum": 0,
            "maximum": 1,
            "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
          },
          "seed": {
            "type": "integer",
            "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
          },
          "route": {
            "type": "string",
            "enum": [
              "identify",
              "region",
              "any"
            ],
            "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
          }
        }
      },
      "RedirectFault": {
        "type": "object",
        "description": "The redirect an EU workspace gets from the US host: `Location` is `to` followed by the request's own path\nand query. Nothing is applied here; the client is expected to repeat the request at `to`.\n",
        "required": [
          "kind",
          "to"
        ],
        "additionalProperties": false,
        "properties": {
          "kind": {
            "type": "string",
            "const": "redirect",
            "description": "The kind of fault."
          },
          "to": {
            "type": "string",
            "minLength": 1,
            "description": "An http(s) origin, with an optional path prefix and no query.",
            "examples": [
              "https://track-eu.customer.io"
            ]
          },
          "status": {
            "type": "integer",
            "enum": [
              301,
              302,
              307,
              308
            ],
            "description": "The redirect status. Default 301."
          },
          "times": {
            "type": "integer",
            "minimum": 1,
            "description": "Fire on the next this many matching requests, then remove the fault."
          },
          "probability": {
            "type": "number",
            "exclusiveMinimum": 0,
            "maximum": 1,
            "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
          },
          "seed": {
            "type": "integer",
            "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
          },
          "route": {
            "type": "string",
            "enum": [
              "identify",
              "region",
              "any"
            ],
            "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
          }
        }
      },
      "FaultSpec": {
        "description": "One fault, by `kind`.",
        "oneOf": [
          {
            "type": "object",
            "description": "Waits before handling the request, which is then handled and applied normally.",
            "required": [
              "kind",
              "ms"
            ],
            "additionalProperties": false,
            "properties": {
              "kind": {
                "type": "string",
                "const": "latency",
                "description": "The kind of fault."
              },
              "ms": {
                "type": "number",
                "minimum": 0,
                "maximum": 60000,
                "description": "Milliseconds to wait."
              },
              "times": {
                "type": "integer",
                "minimum": 1,
                "description": "Fire on the next this many matching requests, then remove the fault."
              },
              "probability": {
                "type": "number",
                "exclusiveMinimum": 0,
                "maximum": 1,
                "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
              },
              "seed": {
                "type": "integer",
                "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
              },
              "route": {
                "type": "string",
                "enum": [
                  "identify",
                  "region",
                  "any"
                ],
                "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
              }
            }
          },
          {
            "type": "object",
            "description": "Answers with an error status and the JSON error envelope; nothing is applied.",
            "required": [
              "kind",
              "status"
            ],
            "additionalProperties": false,
            "properties": {
              "kind": {
                "type": "string",
                "const": "status",
                "description": "The kind of fault."
              },
              "status": {
                "type": "integer",
                "enum": [
                  429,
                  500,
                  502,
                  503,
                  504
                ],
                "description": "The status to answer."
              },
              "retryAfter": {
                "type": "integer",
                "minimum": 0,
                "description": "`Retry-After` in whole seconds. Default 1 for 429, none for the other statuses."
              },
              "times": {
                "type": "integer",
                "minimum": 1,
                "description": "Fire on the next this many matching requests, then remove the fault."
              },
              "probability": {
                "type": "number",
                "exclusiveMinimum": 0,
                "maximum": 1,
                "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
              },
              "seed": {
                "type": "integer",
                "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
              },
              "route": {
                "type": "string",
                "enum": [
                  "identify",
                  "region",
                  "any"
                ],
                "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
              }
            }
          },
          {
            "type": "object",
            "description": "Breaks the connection before any answer: over a socket it is reset; in-process the fetch rejects with a\nTypeError. Nothing is applied.\n",
            "required": [
              "kind"
            ],
            "additionalProperties": false,
            "properties": {
              "kind": {
                "type": "string",
                "const": "reset",
                "description": "The kind of fault."
              },
              "times": {
                "type": "integer",
                "minimum": 1,
                "description": "Fire on the next this many matching requests, then remove the fault."
              },
              "probability": {
                "type": "number",
                "exclusiveMinimum": 0,
                "maximum": 1,
                "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
              },
              "seed": {
                "type": "integer",
                "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
              },
              "route": {
                "type": "string",
                "enum": [
                  "identify",
                  "region",
                  "any"
                ],
                "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
              }
            }
          },
          {
            "type": "object",
            "description": "Headers that promise a JSON body, then only half of it before the connection closes. Nothing is applied,\neven when the status is 200.\n",
            "required": [
              "kind"
            ],
            "additionalProperties": false,
            "properties": {
              "kind": {
                "type": "string",
                "const": "truncate",
                "description": "The kind of fault."
              },
              "status": {
                "type": "integer",
                "enum": [
                  200,
                  500,
                  502,
                  503
                ],
                "description": "The status whose body is cut off. Default 200."
              },
              "times": {
                "type": "integer",
                "minimum": 1,
                "description": "Fire on the next this many matching requests, then remove the fault."
              },
              "probability": {
                "type": "number",
                "exclusiveMinimum": 0,
                "maximum": 1,
                "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
              },
              "seed": {
                "type": "integer",
                "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
              },
              "route": {
                "type": "string",
                "enum": [
                  "identify",
                  "region",
                  "any"
                ],
                "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
              }
            }
          },
          {
            "type": "object",
            "description": "A proxy's HTML error page (`text/html`) instead of JSON. Nothing is applied.",
            "required": [
              "kind"
            ],
            "additionalProperties": false,
            "properties": {
              "kind": {
                "type": "string",
                "const": "html",
                "description": "The kind of fault."
              },
              "status": {
                "type": "integer",
                "enum": [
                  502,
                  503,
                  504
                ],
                "description": "The status of the page. Default 502."
              },
              "times": {
                "type": "integer",
                "minimum": 1,
                "description": "Fire on the next this many matching requests, then remove the fault."
              },
              "probability": {
                "type": "number",
                "exclusiveMinimum": 0,
                "maximum": 1,
                "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
              },
              "seed": {
                "type": "integer",
                "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
              },
              "route": {
                "type": "string",
                "enum": [
                  "identify",
                  "region",
                  "any"
                ],
                "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
              }
            }
          },
          {
            "type": "object",
            "description": "The redirect an EU workspace gets from the US host: `Location` is `to` followed by the request's own path\nand query. Nothing is applied here; the client is expected to repeat the request at `to`.\n",
            "required": [
              "kind",
              "to"
            ],
            "additionalProperties": false,
            "properties": {
              "kind": {
                "type": "string",
                "const": "redirect",
                "description": "The kind of fault."
              },
              "to": {
                "type": "string",
                "minLength": 1,
                "description": "An http(s) origin, with an optional path prefix and no query.",
                "examples": [
                  "https://track-eu.customer.io"
                ]
              },
              "status": {
                "type": "integer",
                "enum": [
                  301,
                  302,
                  307,
                  308
                ],
                "description": "The redirect status. Default 301."
              },
              "times": {
                "type": "integer",
                "minimum": 1,
                "description": "Fire on the next this many matching requests, then remove the fault."
              },
              "probability": {
                "type": "number",
                "exclusiveMinimum": 0,
                "maximum": 1,
                "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
              },
              "seed": {
                "type": "integer",
                "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
              },
              "route": {
                "type": "string",
                "enum": [
                  "identify",
                  "region",
                  "any"
                ],
                "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
              }
            }
          }
        ]
      },
      "FaultRequest": {
        "type": "object",
        "description": "Faults to add.",
        "required": [
          "faults"
        ],
        "additionalProperties": false,
        "properties": {
          "faults": {
            "type": "array",
            "description": "The faults, tried in this order after those already in force.",
            "minItems": 1,
            "maxItems": 100,
            "items": {
              "description": "One fault, by `kind`.",
              "oneOf": [
                {
                  "type": "object",
                  "description": "Waits before handling the request, which is then handled and applied normally.",
                  "required": [
                    "kind",
                    "ms"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "kind": {
                      "type": "string",
                      "const": "latency",
                      "description": "The kind of fault."
                    },
                    "ms": {
                      "type": "number",
                      "minimum": 0,
                      "maximum": 60000,
                      "description": "Milliseconds to wait."
                    },
                    "times": {
                      "type": "integer",
                      "minimum": 1,
                      "description": "Fire on the next this many matching requests, then remove the fault."
                    },
                    "probability": {
                      "type": "number",
                      "exclusiveMinimum": 0,
                      "maximum": 1,
                      "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                    },
                    "seed": {
                      "type": "integer",
                      "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                    },
                    "route": {
                      "type": "string",
                      "enum": [
                        "identify",
                        "region",
                        "any"
                      ],
                      "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                    }
                  }
                },
                {
                  "type": "object",
                  "description": "Answers with an error status and the JSON error envelope; nothing is applied.",
                  "required": [
                    "kind",
                    "status"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "kind": {
                      "type": "string",
                      "const": "status",
                      "description": "The kind of fault."
                    },
                    "status": {
                      "type": "integer",
                      "enum": [
                        429,
                        500,
                        502,
                        503,
                        504
                      ],
                      "description": "The status to answer."
                    },
                    "retryAfter": {
                      "type": "integer",
                      "minimum": 0,
                      "description": "`Retry-After` in whole seconds. Default 1 for 429, none for the other statuses."
                    },
                    "times": {
                      "type": "integer",
                      "minimum": 1,
                      "description": "Fire on the next this many matching requests, then remove the fault."
                    },
                    "probability": {
                      "type": "number",
                      "exclusiveMinimum": 0,
                      "maximum": 1,
                      "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                    },
                    "seed": {
                      "type": "integer",
                      "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                    },
                    "route": {
                      "type": "string",
                      "enum": [
                        "identify",
                        "region",
                        "any"
                      ],
                      "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                    }
                  }
                },
                {
                  "type": "object",
                  "description": "Breaks the connection before any answer: over a socket it is reset; in-process the fetch rejects with a\nTypeError. Nothing is applied.\n",
                  "required": [
                    "kind"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "kind": {
                      "type": "string",
                      "const": "reset",
                      "description": "The kind of fault."
                    },
                    "times": {
                      "type": "integer",
                      "minimum": 1,
                      "description": "Fire on the next this many matching requests, then remove the fault."
                    },
                    "probability": {
                      "type": "number",
                      "exclusiveMinimum": 0,
                      "maximum": 1,
                      "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                    },
                    "seed": {
                      "type": "integer",
                      "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                    },
                    "route": {
                      "type": "string",
                      "enum": [
                        "identify",
                        "region",
                        "any"
                      ],
                      "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                    }
                  }
                },
                {
                  "type": "object",
                  "description": "Headers that promise a JSON body, then only half of it before the connection closes. Nothing is applied,\neven when the status is 200.\n",
                  "required": [
                    "kind"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "kind": {
                      "type": "string",
                      "const": "truncate",
                      "description": "The kind of fault."
                    },
                    "status": {
                      "type": "integer",
                      "enum": [
                        200,
                        500,
                        502,
                        503
                      ],
                      "description": "The status whose body is cut off. Default 200."
                    },
                    "times": {
                      "type": "integer",
                      "minimum": 1,
                      "description": "Fire on the next this many matching requests, then remove the fault."
                    },
                    "probability": {
                      "type": "number",
                      "exclusiveMinimum": 0,
                      "maximum": 1,
                      "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                    },
                    "seed": {
                      "type": "integer",
                      "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                    },
                    "route": {
                      "type": "string",
                      "enum": [
                        "identify",
                        "region",
                        "any"
                      ],
                      "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                    }
                  }
                },
                {
                  "type": "object",
                  "description": "A proxy's HTML error page (`text/html`) instead of JSON. Nothing is applied.",
                  "required": [
                    "kind"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "kind": {
                      "type": "string",
                      "const": "html",
                      "description": "The kind of fault."
                    },
                    "status": {
                      "type": "integer",
                      "enum": [
                        502,
                        503,
                        504
                      ],
                      "description": "The status of the page. Default 502."
                    },
                    "times": {
                      "type": "integer",
                      "minimum": 1,
                      "description": "Fire on the next this many matching requests, then remove the fault."
                    },
                    "probability": {
                      "type": "number",
                      "exclusiveMinimum": 0,
                      "maximum": 1,
                      "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                    },
                    "seed": {
                      "type": "integer",
                      "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                    },
                    "route": {
                      "type": "string",
                      "enum": [
                        "identify",
                        "region",
                        "any"
                      ],
                      "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                    }
                  }
                },
                {
                  "type": "object",
                  "description": "The redirect an EU workspace gets from the US host: `Location` is `to` followed by the request's own path\nand query. Nothing is applied here; the client is expected to repeat the request at `to`.\n",
                  "required": [
                    "kind",
                    "to"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "kind": {
                      "type": "string",
                      "const": "redirect",
                      "description": "The kind of fault."
                    },
                    "to": {
                      "type": "string",
                      "minLength": 1,
                      "description": "An http(s) origin, with an optional path prefix and no query.",
                      "examples": [
                        "https://track-eu.customer.io"
                      ]
                    },
                    "status": {
                      "type": "integer",
                      "enum": [
                        301,
                        302,
                        307,
                        308
                      ],
                      "description": "The redirect status. Default 301."
                    },
                    "times": {
                      "type": "integer",
                      "minimum": 1,
                      "description": "Fire on the next this many matching requests, then remove the fault."
                    },
                    "probability": {
                      "type": "number",
                      "exclusiveMinimum": 0,
                      "maximum": 1,
                      "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                    },
                    "seed": {
                      "type": "integer",
                      "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                    },
                    "route": {
                      "type": "string",
                      "enum": [
                        "identify",
                        "region",
                        "any"
                      ],
                      "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                    }
                  }
                }
              ]
            }
          }
        }
      },
      "ActiveFault": {
        "type": "object",
        "description": "A fault in force.",
        "required": [
          "id",
          "spec",
          "fired"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Unique for the simulator's life."
          },
          "spec": {
            "description": "One fault, by `kind`.",
            "oneOf": [
              {
                "type": "object",
                "description": "Waits before handling the request, which is then handled and applied normally.",
                "required": [
                  "kind",
                  "ms"
                ],
                "additionalProperties": false,
                "properties": {
                  "kind": {
                    "type": "string",
                    "const": "latency",
                    "description": "The kind of fault."
                  },
                  "ms": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 60000,
                    "description": "Milliseconds to wait."
                  },
                  "times": {
                    "type": "integer",
                    "minimum": 1,
                    "description": "Fire on the next this many matching requests, then remove the fault."
                  },
                  "probability": {
                    "type": "number",
                    "exclusiveMinimum": 0,
                    "maximum": 1,
                    "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                  },
                  "seed": {
                    "type": "integer",
                    "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                  },
                  "route": {
                    "type": "string",
                    "enum": [
                      "identify",
                      "region",
                      "any"
                    ],
                    "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                  }
                }
              },
              {
                "type": "object",
                "description": "Answers with an error status and the JSON error envelope; nothing is applied.",
                "required": [
                  "kind",
                  "status"
                ],
                "additionalProperties": false,
                "properties": {
                  "kind": {
                    "type": "string",
                    "const": "status",
                    "description": "The kind of fault."
                  },
                  "status": {
                    "type": "integer",
                    "enum": [
                      429,
                      500,
                      502,
                      503,
                      504
                    ],
                    "description": "The status to answer."
                  },
                  "retryAfter": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "`Retry-After` in whole seconds. Default 1 for 429, none for the other statuses."
                  },
                  "times": {
                    "type": "integer",
                    "minimum": 1,
                    "description": "Fire on the next this many matching requests, then remove the fault."
                  },
                  "probability": {
                    "type": "number",
                    "exclusiveMinimum": 0,
                    "maximum": 1,
                    "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                  },
                  "seed": {
                    "type": "integer",
                    "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                  },
                  "route": {
                    "type": "string",
                    "enum": [
                      "identify",
                      "region",
                      "any"
                    ],
                    "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                  }
                }
              },
              {
                "type": "object",
                "description": "Breaks the connection before any answer: over a socket it is reset; in-process the fetch rejects with a\nTypeError. Nothing is applied.\n",
                "required": [
                  "kind"
                ],
                "additionalProperties": false,
                "properties": {
                  "kind": {
                    "type": "string",
                    "const": "reset",
                    "description": "The kind of fault."
                  },
                  "times": {
                    "type": "integer",
                    "minimum": 1,
                    "description": "Fire on the next this many matching requests, then remove the fault."
                  },
                  "probability": {
                    "type": "number",
                    "exclusiveMinimum": 0,
                    "maximum": 1,
                    "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                  },
                  "seed": {
                    "type": "integer",
                    "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                  },
                  "route": {
                    "type": "string",
                    "enum": [
                      "identify",
                      "region",
                      "any"
                    ],
                    "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                  }
                }
              },
              {
                "type": "object",
                "description": "Headers that promise a JSON body, then only half of it before the connection closes. Nothing is applied,\neven when the status is 200.\n",
                "required": [
                  "kind"
                ],
                "additionalProperties": false,
                "properties": {
                  "kind": {
                    "type": "string",
                    "const": "truncate",
                    "description": "The kind of fault."
                  },
                  "status": {
                    "type": "integer",
                    "enum": [
                      200,
                      500,
                      502,
                      503
                    ],
                    "description": "The status whose body is cut off. Default 200."
                  },
                  "times": {
                    "type": "integer",
                    "minimum": 1,
                    "description": "Fire on the next this many matching requests, then remove the fault."
                  },
                  "probability": {
                    "type": "number",
                    "exclusiveMinimum": 0,
                    "maximum": 1,
                    "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                  },
                  "seed": {
                    "type": "integer",
                    "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                  },
                  "route": {
                    "type": "string",
                    "enum": [
                      "identify",
                      "region",
                      "any"
                    ],
                    "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                  }
                }
              },
              {
                "type": "object",
                "description": "A proxy's HTML error page (`text/html`) instead of JSON. Nothing is applied.",
                "required": [
                  "kind"
                ],
                "additionalProperties": false,
                "properties": {
                  "kind": {
                    "type": "string",
                    "const": "html",
                    "description": "The kind of fault."
                  },
                  "status": {
                    "type": "integer",
                    "enum": [
                      502,
                      503,
                      504
                    ],
                    "description": "The status of the page. Default 502."
                  },
                  "times": {
                    "type": "integer",
                    "minimum": 1,
                    "description": "Fire on the next this many matching requests, then remove the fault."
                  },
                  "probability": {
                    "type": "number",
                    "exclusiveMinimum": 0,
                    "maximum": 1,
                    "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                  },
                  "seed": {
                    "type": "integer",
                    "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                  },
                  "route": {
                    "type": "string",
                    "enum": [
                      "identify",
                      "region",
                      "any"
                    ],
                    "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                  }
                }
              },
              {
                "type": "object",
                "description": "The redirect an EU workspace gets from the US host: `Location` is `to` followed by the request's own path\nand query. Nothing is applied here; the client is expected to repeat the request at `to`.\n",
                "required": [
                  "kind",
                  "to"
                ],
                "additionalProperties": false,
                "properties": {
                  "kind": {
                    "type": "string",
                    "const": "redirect",
                    "description": "The kind of fault."
                  },
                  "to": {
                    "type": "string",
                    "minLength": 1,
                    "description": "An http(s) origin, with an optional path prefix and no query.",
                    "examples": [
                      "https://track-eu.customer.io"
                    ]
                  },
                  "status": {
                    "type": "integer",
                    "enum": [
                      301,
                      302,
                      307,
                      308
                    ],
                    "description": "The redirect status. Default 301."
                  },
                  "times": {
                    "type": "integer",
                    "minimum": 1,
                    "description": "Fire on the next this many matching requests, then remove the fault."
                  },
                  "probability": {
                    "type": "number",
                    "exclusiveMinimum": 0,
                    "maximum": 1,
                    "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                  },
                  "seed": {
                    "type": "integer",
                    "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                  },
                  "route": {
                    "type": "string",
                    "enum": [
                      "identify",
                      "region",
                      "any"
                    ],
                    "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                  }
                }
              }
            ]
          },
          "fired": {
            "type": "integer",
            "minimum": 0,
            "description": "How many requests it has answered or delayed."
          },
          "remaining": {
            "type": "integer",
            "minimum": 0,
            "description": "Firings left, for a fault given `times`."
          }
        }
      },
      "FaultList": {
        "type": "object",
        "description": "Faults in force, in the order they are tried.",
        "required": [
          "faults"
        ],
        "additionalProperties": false,
        "properties": {
          "faults": {
            "type": "array",
            "description": "The faults.",
            "items": {
              "type": "object",
              "description": "A fault in force.",
              "required": [
                "id",
                "spec",
                "fired"
              ],
              "additionalProperties": false,
              "properties": {
                "id": {
                  "type": "integer",
                  "minimum": 1,
                  "description": "Unique for the simulator's life."
                },
                "spec": {
                  "description": "One fault, by `kind`.",
                  "oneOf": [
                    {
                      "type": "object",
                      "description": "Waits before handling the request, which is then handled and applied normally.",
                      "required": [
                        "kind",
                        "ms"
                      ],
                      "additionalProperties": false,
                      "properties": {
                        "kind": {
                          "type": "string",
                          "const": "latency",
                          "description": "The kind of fault."
                        },
                        "ms": {
                          "type": "number",
                          "minimum": 0,
                          "maximum": 60000,
                          "description": "Milliseconds to wait."
                        },
                        "times": {
                          "type": "integer",
                          "minimum": 1,
                          "description": "Fire on the next this many matching requests, then remove the fault."
                        },
                        "probability": {
                          "type": "number",
                          "exclusiveMinimum": 0,
                          "maximum": 1,
                          "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                        },
                        "seed": {
                          "type": "integer",
                          "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                        },
                        "route": {
                          "type": "string",
                          "enum": [
                            "identify",
                            "region",
                            "any"
                          ],
                          "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                        }
                      }
                    },
                    {
                      "type": "object",
                      "description": "Answers with an error status and the JSON error envelope; nothing is applied.",
                      "required": [
                        "kind",
                        "status"
                      ],
                      "additionalProperties": false,
                      "properties": {
                        "kind": {
                          "type": "string",
                          "const": "status",
                          "description": "The kind of fault."
                        },
                        "status": {
                          "type": "integer",
                          "enum": [
                            429,
                            500,
                            502,
                            503,
                            504
                          ],
                          "description": "The status to answer."
                        },
                        "retryAfter": {
                          "type": "integer",
                          "minimum": 0,
                          "description": "`Retry-After` in whole seconds. Default 1 for 429, none for the other statuses."
                        },
                        "times": {
                          "type": "integer",
                          "minimum": 1,
                          "description": "Fire on the next this many matching requests, then remove the fault."
                        },
                        "probability": {
                          "type": "number",
                          "exclusiveMinimum": 0,
                          "maximum": 1,
                          "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                        },
                        "seed": {
                          "type": "integer",
                          "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                        },
                        "route": {
                          "type": "string",
                          "enum": [
                            "identify",
                            "region",
                            "any"
                          ],
                          "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                        }
                      }
                    },
                    {
                      "type": "object",
                      "description": "Breaks the connection before any answer: over a socket it is reset; in-process the fetch rejects with a\nTypeError. Nothing is applied.\n",
                      "required": [
                        "kind"
                      ],
                      "additionalProperties": false,
                      "properties": {
                        "kind": {
                          "type": "string",
                          "const": "reset",
                          "description": "The kind of fault."
                        },
                        "times": {
                          "type": "integer",
                          "minimum": 1,
                          "description": "Fire on the next this many matching requests, then remove the fault."
                        },
                        "probability": {
                          "type": "number",
                          "exclusiveMinimum": 0,
                          "maximum": 1,
                          "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                        },
                        "seed": {
                          "type": "integer",
                          "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                        },
                        "route": {
                          "type": "string",
                          "enum": [
                            "identify",
                            "region",
                            "any"
                          ],
                          "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                        }
                      }
                    },
                    {
                      "type": "object",
                      "description": "Headers that promise a JSON body, then only half of it before the connection closes. Nothing is applied,\neven when the status is 200.\n",
                      "required": [
                        "kind"
                      ],
                      "additionalProperties": false,
                      "properties": {
                        "kind": {
                          "type": "string",
                          "const": "truncate",
                          "description": "The kind of fault."
                        },
                        "status": {
                          "type": "integer",
                          "enum": [
                            200,
                            500,
                            502,
                            503
                          ],
                          "description": "The status whose body is cut off. Default 200."
                        },
                        "times": {
                          "type": "integer",
                          "minimum": 1,
                          "description": "Fire on the next this many matching requests, then remove the fault."
                        },
                        "probability": {
                          "type": "number",
                          "exclusiveMinimum": 0,
                          "maximum": 1,
                          "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                        },
                        "seed": {
                          "type": "integer",
                          "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                        },
                        "route": {
                          "type": "string",
                          "enum": [
                            "identify",
                            "region",
                            "any"
                          ],
                          "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                        }
                      }
                    },
                    {
                      "type": "object",
                      "description": "A proxy's HTML error page (`text/html`) instead of JSON. Nothing is applied.",
                      "required": [
                        "kind"
                      ],
                      "additionalProperties": false,
                      "properties": {
                        "kind": {
                          "type": "string",
                          "const": "html",
                          "description": "The kind of fault."
                        },
                        "status": {
                          "type": "integer",
                          "enum": [
                            502,
                            503,
                            504
                          ],
                          "description": "The status of the page. Default 502."
                        },
                        "times": {
                          "type": "integer",
                          "minimum": 1,
                          "description": "Fire on the next this many matching requests, then remove the fault."
                        },
                        "probability": {
                          "type": "number",
                          "exclusiveMinimum": 0,
                          "maximum": 1,
                          "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                        },
                        "seed": {
                          "type": "integer",
                          "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                        },
                        "route": {
                          "type": "string",
                          "enum": [
                            "identify",
                            "region",
                            "any"
                          ],
                          "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                        }
                      }
                    },
                    {
                      "type": "object",
                      "description": "The redirect an EU workspace gets from the US host: `Location` is `to` followed by the request's own path\nand query. Nothing is applied here; the client is expected to repeat the request at `to`.\n",
                      "required": [
                        "kind",
                        "to"
                      ],
                      "additionalProperties": false,
                      "properties": {
                        "kind": {
                          "type": "string",
                          "const": "redirect",
                          "description": "The kind of fault."
                        },
                        "to": {
                          "type": "string",
                          "minLength": 1,
                          "description": "An http(s) origin, with an optional path prefix and no query.",
                          "examples": [
                            "https://track-eu.customer.io"
                          ]
                        },
                        "status": {
                          "type": "integer",
                          "enum": [
                            301,
                            302,
                            307,
                            308
                          ],
                          "description": "The redirect status. Default 301."
                        },
                        "times": {
                          "type": "integer",
                          "minimum": 1,
                          "description": "Fire on the next this many matching requests, then remove the fault."
                        },
                        "probability": {
                          "type": "number",
                          "exclusiveMinimum": 0,
                          "maximum": 1,
                          "description": "Fire on each matching request with this chance, drawn from a PRNG seeded with `seed`."
                        },
                        "seed": {
                          "type": "integer",
                          "description": "Seed of the PRNG behind `probability` (default 1), so that a run repeats exactly."
                        },
                        "route": {
                          "type": "string",
                          "enum": [
                            "identify",
                            "region",
                            "any"
                          ],
                          "description": "The Track API route the fault applies to: `identify` (`PUT /api/v1/customers/{identifier}`), `region`\n(`GET /api/v1/accounts/region`) or `any` (the default, except for `redirect`, whose default is\n`identify`).\n"
                        }
                      }
                    }
                  ]
                },
                "fired": {
                  "type": "integer",
                  "minimum": 0,
                  "description": "How many requests it has answered or delayed."
                },
                "remaining": {
                  "type": "integer",
                  "minimum": 0,
                  "description": "Firings left, for a fault given `times`."
                }
              }
            }
          }
        }
      },
      "FaultCounts": {
        "type": "object",
        "description": "Firings per kind of fault.",
        "required": [
          "latency",
          "status",
          "reset",
          "truncate",
          "html",
          "redirect"
        ],
        "additionalProperties": false,
        "properties": {
          "latency": {
            "type": "integer",
            "minimum": 0,
            "description": "Requests delayed."
          },
          "status": {
            "type": "integer",
            "minimum": 0,
            "description": "Error statuses answered."
          },
          "reset": {
            "type": "integer",
            "minimum": 0,
            "description": "Connections broken."
          },
          "truncate": {
            "type": "integer",
            "minimum": 0,
            "description": "Bodies cut off."
          },
          "html": {
            "type": "integer",
            "minimum": 0,
            "description": "HTML error pages answered."
          },
          "redirect": {
            "type": "integer",
            "minimum": 0,
            "description": "Redirects answered."
          }
        }
      },
      "SimulatorStats": {
        "type": "object",
        "description": "Request counters since the simulator started or was last reset.",
        "required": [
          "received",
          "applied",
          "faulted",
          "delayed",
          "byKind"
        ],
        "additionalProperties": false,
        "properties": {
          "received": {
            "type": "integer",
            "minimum": 0,
            "description": "Track API requests received, faulted or not."
          },
          "applied": {
            "type": "integer",
            "minimum": 0,
            "description": "Identify calls applied to the workspace (each has one `request` number in the activity log)."
          },
          "faulted": {
            "type": "integer",
            "minimum": 0,
            "description": "Requests answered by a fault (a delay alone does not count)."
          },
          "delayed": {
            "type": "integer",
            "minimum": 0,
            "description": "Requests delayed by a `latency` fault."
          },
          "byKind": {
            "type": "object",
            "description": "Firings per kind of fault.",
            "required": [
              "latency",
              "status",
              "reset",
              "truncate",
              "html",
              "redirect"
            ],
            "additionalProperties": false,
            "properties": {
              "latency": {
                "type": "integer",
                "minimum": 0,
                "description": "Requests delayed."
              },
              "status": {
                "type": "integer",
                "minimum": 0,
                "description": "Error statuses answered."
              },
              "reset": {
                "type": "integer",
                "minimum": 0,
                "description": "Connections broken."
              },
              "truncate": {
                "type": "integer",
                "minimum": 0,
                "description": "Bodies cut off."
              },
              "html": {
                "type": "integer",
                "minimum": 0,
                "description": "HTML error pages answered."
              },
              "redirect": {
                "type": "integer",
                "minimum": 0,
                "description": "Redirects answered."
              }
            }
          }
        }
      },
      "ErrorEnvelope": {
        "type": "object",
        "description": "The same envelope as the Track API's errors.",
        "required": [
          "meta"
        ],
        "additionalProperties": false,
        "properties": {
          "meta": {
            "type": "object",
            "description": "One message as `error`, several as `errors`.",
            "minProperties": 1,
            "additionalProperties": false,
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
          },
          "problems": {
            "type": "array",
            "description": "Every problem of a refused request, each whole: Track API answers of 400, and the inspection API's\nanswers of 400 and 409, carry it beside `meta`, whose messages are the same in the same order.\nClients that read only `meta` see Customer.io's envelope.\n",
            "items": {
              "type": "object",
              "description": "One problem of a request, in the shape used across the project.",
              "required": [
                "code",
                "path",
                "message"
              ],
              "additionalProperties": false,
              "properties": {
                "code": {
                  "type": "string",
                  "pattern": "^[a-z][a-z0-9_]*$",
                  "description": "Stable and machine-readable, in snake_case."
                },
                "path": {
                  "type": "array",
                  "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
                  "items": {
                    "type": [
                      "string",
                      "integer"
                    ]
                  }
                },
                "message": {
                  "type": "string",
                  "description": "For people; names the element, never its value."
                },
                "source": {
                  "type": "string",
                  "enum": [
                    "seed",
                    "customerio",
                    "lint",
                    "bound"
                  ],
                  "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
                }
              }
            }
          }
        }
      },
      "Settled": {
        "type": "object",
        "required": [
          "applied",
          "pending"
        ],
        "additionalProperties": false,
        "properties": {
          "applied": {
            "type": "integer",
            "minimum": 0,
            "description": "Identify calls applied by this request."
          },
          "pending": {
            "type": "integer",
            "minimum": 0,
            "description": "Calls still waiting afterwards (0, unless calls arrived meanwhile)."
          }
        }
      },
      "Problem": {
        "type": "object",
        "description": "One problem of a request, in the shape used across the project.",
        "required": [
          "code",
          "path",
          "message"
        ],
        "additionalProperties": false,
        "properties": {
          "code": {
            "type": "string",
            "pattern": "^[a-z][a-z0-9_]*$",
            "description": "Stable and machine-readable, in snake_case."
          },
          "path": {
            "type": "array",
            "description": "Where the problem is, from the request (`identifier`, `body` then keys and indexes, `query` then a parameter, or `headers`).",
            "items": {
              "type": [
                "string",
                "integer"
              ]
            }
          },
          "message": {
            "type": "string",
            "description": "For people; names the element, never its value."
          },
          "source": {
            "type": "string",
            "enum": [
              "seed",
              "customerio",
              "lint",
              "bound"
            ],
            "description": "What supports refusing it: the endpoint's description (`seed`), Customer.io's documentation\n(`customerio`), this project's lint (`lint`, refused only in strict mode) or the simulator's own\nbound (`bound`).\n"
          }
        }
      }
    }
  }
};

export default document;
