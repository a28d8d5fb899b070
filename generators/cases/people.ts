/**
 * What every generator's program sends: two people whose identifiers need encoding in a path segment (`+`, `@`,
 * `/`, `#`, `?`, `%`), each with declared fields, a custom attribute, a topic in dot notation and a relationship.
 * `npm run generators` then reads the simulator's state and expects exactly these people with these attributes.
 */
const email = {
  identifier: "a+b@example.com",
  attributes: {
    created_at: 1700000000,
    first_name: "Ada",
    "cio_subscription_preferences.topics.topic_3": false,
  },
};

const id = {
  identifier: "ops/team#1?q=%41",
  attributes: {
    plan: "premium",
    seats: 12,
    cio_subscription_preferences: { topics: { topic_1: true } },
    cio_relationships: {
      action: "add_relationships" as const,
      relationships: [{ identifiers: { object_type_id: "1", object_id: "acme" } }],
    },
  },
};

// A tuple of the two objects as written, so that each keeps its own type for the generated client to check.
export const people: [typeof email, typeof id] = [email, id];

/** Where the served simulator listens and the credentials it takes, as `npm run generators` passes them. */
export function target(): { url: string; authorization: string } {
  const url = process.env["CIO_SIM_URL"];
  const site = process.env["CIO_SIM_SITE_ID"];
  const key = process.env["CIO_SIM_API_KEY"];
  if (url === undefined || site === undefined || key === undefined)
    throw new Error("CIO_SIM_URL, CIO_SIM_SITE_ID and CIO_SIM_API_KEY are required");
  return { url, authorization: `Basic ${Buffer.from(`${site}:${key}`).toString("base64")}` };
}
