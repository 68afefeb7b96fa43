package io.oversight.app.rest;

/**
 * Example bodies of the account operations (users, the caller, API tokens, failed sign-ins), for the
 * OpenAPI document. OpenApiContractIT checks that each parses as JSON and names only properties of
 * its schema, so an example cannot drift from the records it shows. Public because the resources live
 * in their feature packages.
 */
public final class AccountExamples {

    private AccountExamples() {
    }

    public static final String ME = """
            {"username":"rita","roles":["annotator","reviewer"]}""";

    public static final String USER = """
            {"username":"rev1","displayName":"Reviewer One","roles":["reviewer"],"enabled":true,
             "createdAt":"2026-11-21T17:21:47.956554Z"}""";

    public static final String USERS = """
            [{"username":"alex","displayName":"Alex Admin","roles":["admin"],"enabled":true,
              "createdAt":"2026-11-20T08:00:00Z"},
             {"username":"rita","displayName":"Rita Reviewer","roles":["annotator","reviewer"],"enabled":true,
              "createdAt":"2026-11-20T08:00:00Z"}]""";

    public static final String NEW_USER = """
            {"username":"rev1","password":"a-long-password","displayName":"Reviewer One","roles":["reviewer"]}""";

    public static final String TOKEN = """
            {"id":"0b6c2f5e-8a1d-4d3b-9c7e-2f4a6b8d0e13","username":"ian","name":"fraud model, production",
             "hint":"ovt_7hX2kQ","createdAt":"2026-12-06T03:10:00Z","expiresAt":"2027-06-30T00:00:00Z",
             "lastUsedAt":"2026-12-06T09:41:00Z","status":"active"}""";

    public static final String TOKENS = """
            [{"id":"0b6c2f5e-8a1d-4d3b-9c7e-2f4a6b8d0e13","username":"ian","name":"fraud model, production",
              "hint":"ovt_7hX2kQ","createdAt":"2026-12-06T03:10:00Z","expiresAt":"2027-06-30T00:00:00Z",
              "lastUsedAt":"2026-12-06T09:41:00Z","status":"active"},
             {"id":"9e4a1c7b-3f2d-4b8e-a6c5-7d1e0f2b4a96","username":"ian","name":"fraud model, staging",
              "hint":"ovt_Qm9pLw","createdAt":"2026-11-02T10:00:00Z",
              "lastUsedAt":"2026-11-30T16:05:00Z","revokedAt":"2026-12-01T08:00:00Z","status":"revoked"}]""";

    public static final String REVOKED_TOKEN = """
            {"id":"0b6c2f5e-8a1d-4d3b-9c7e-2f4a6b8d0e13","username":"ian","name":"fraud model, production",
             "hint":"ovt_7hX2kQ","createdAt":"2026-12-06T03:10:00Z","expiresAt":"2027-06-30T00:00:00Z",
             "lastUsedAt":"2026-12-06T09:41:00Z","revokedAt":"2026-12-06T11:00:00Z","status":"revoked"}""";

    public static final String NEW_TOKEN = """
            {"name":"fraud model, production","expiresAt":"2027-06-30T00:00:00Z"}""";

    public static final String CREATED_TOKEN = """
            {"secret":"ovt_7hX2kQpR4sT8vW1yZ3bC5dF7gH9jK2mN4pQ6rS8","token":{
              "id":"0b6c2f5e-8a1d-4d3b-9c7e-2f4a6b8d0e13","username":"ian","name":"fraud model, production",
              "hint":"ovt_7hX2kQ","createdAt":"2026-12-06T03:10:00Z","expiresAt":"2027-06-30T00:00:00Z",
              "status":"active"}}""";

    public static final String SIGN_IN_FAILURES = """
            [{"username":"jo","address":"203.0.113.7","failures":6,"lastFailureAt":"2026-12-06T09:14:02Z",
              "refusedUntil":"2026-12-06T09:29:02Z","state":"locked"},
             {"address":"198.51.100.23","failures":41,"lastFailureAt":"2026-12-06T09:12:40Z",
              "refusedUntil":"2026-12-06T10:12:40Z","state":"address-locked"}]""";

    public static final String LIFT_REQUEST = """
            {"address":"203.0.113.7","username":"jo"}""";

    public static final String LIFT = """
            {"address":"203.0.113.7","username":"jo","failuresForgotten":6}""";
}
