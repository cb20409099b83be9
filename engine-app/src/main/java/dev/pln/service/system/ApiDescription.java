package dev.pln.service.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes {@code /v3/api-docs} say what the service really answers: each operation's id, tag, success status and
 * the error statuses of docs/api.md, docs/api-rulesets.md and docs/security.md, each a problem+json response
 * with one shared schema, the three ways to sign in, {@code Location} on 201/202, and response schemas whose
 * {@code required} and {@code nullable} match what the service writes.
 *
 * <p>The operations are described in one table here rather than with annotations on the controllers because
 * {@link Utf8RequestBodies} reads a method's {@code @ApiResponse(415)} as "this endpoint may answer 415 for a
 * charset", which only {@code POST /api/v1/decisions} may; and because one table is what the docs tables are
 * checked against (ApiDescriptionIntegrationTests fails on an operation missing from it).
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String BASIC = "basicAuth";
    static final String API_KEY = "apiKey";
    static final String JWT = "jwt";

    /** The server's clientId rule (ClientFactsRequest's {@code @Pattern}, which Bean Validation matches whole). */
    static final String CLIENT_ID_PATTERN = "^[A-Za-z0-9_-]{1,64}$";

    /** What one operation is: its id and tag, the status it answers on success and its own error statuses. */
    record Described(String operationId, String tag, int success, List<Integer> errors) {
    }

    private static final String DECISIONS = "Decisions";
    private static final String CLIENTS = "Clients";
    private static final String REVIEW = "Review";
    private static final String SERVICES = "Services and follow-ups";
    private static final String REPORTS = "Reports";
    private static final String RULESETS = "Rule sets";
    private static final String USERS = "Users and API keys";
    private static final String ACCOUNT = "Own account";
    private static final String AUDIT = "Audit trail";
    private static final String PRIVACY = "Personal data";

    /**
     * Every operation under /api: "METHOD path" → its description. The errors are those the docs' tables name;
     * 400 (any parameter or body), 413 and 415 (any body), 401 and 403 (every operation) and 503 (the store, on
     * every operation) are added to each operation they apply to.
     */
    static final Map<String, Described> OPERATIONS = operations();

    private static Map<String, Described> operations() {
        Map<String, Described> table = new LinkedHashMap<>();
        add(table, "POST /api/v1/decisions", "createDecision", DECISIONS, 201, 422);
        add(table, "POST /api/v1/decisions/preview", "previewDecision", DECISIONS, 200);
        add(table, "GET /api/v1/decisions/{decisionId}", "getDecision", DECISIONS, 200, 404);
        add(table, "GET /api/v1/decisions", "listDecisions", DECISIONS, 200);
        add(table, "GET /api/v1/clients/{clientId}", "getClient", CLIENTS, 200, 404);
        add(table, "GET /api/v1/clients/{clientId}/decisions", "listClientDecisions", CLIENTS, 200,
                404);
        add(table, "GET /api/v1/decisions/{decisionId}/counterfactuals", "getCounterfactuals",
                REVIEW, 200, 404);
        add(table, "POST /api/v1/decisions/{decisionId}/overrides", "createOverride", REVIEW, 201,
                404, 422);
        add(table, "POST /api/v1/decisions/{decisionId}/overrides/{overrideId}/confirm",
                "confirmOverride", REVIEW, 200, 404, 422);
        add(table, "POST /api/v1/decisions/{decisionId}/flags", "createFlag", REVIEW, 201, 404);
        add(table, "POST /api/v1/decisions/{decisionId}/replay", "replayDecision", RULESETS, 200,
                404, 409);
        add(table, "POST /api/v1/clients/{clientId}/services", "recordService", SERVICES, 201, 404,
                422);
        add(table, "POST /api/v1/clients/{clientId}/follow-ups", "recordFollowUp", SERVICES, 201,
                404, 422);
        add(table, "GET /api/v1/follow-ups/due", "listDueFollowUps", SERVICES, 200);
        add(table, "GET /api/v1/reports/outcomes", "getOutcomeReport", REPORTS, 200);
        add(table, "POST /api/v1/rulesets", "uploadRuleset", RULESETS, 201, 409, 422);
        add(table, "GET /api/v1/rulesets", "listRulesets", RULESETS, 200);
        add(table, "GET /api/v1/rulesets/{version}", "getRuleset", RULESETS, 200, 404);
        add(table, "GET /api/v1/rulesets/active", "getActiveRuleset", RULESETS, 200, 404);
        add(table, "GET /api/v1/rulesets/{version}/audit", "getRulesetAudit", RULESETS, 200, 404);
        add(table, "POST /api/v1/rulesets/{version}/impact", "previewImpact", RULESETS, 200, 404,
                409);
        add(table, "POST /api/v1/rulesets/{version}/activate", "activateRuleset", RULESETS, 200, 404,
                409, 422);
        add(table, "GET /api/v1/jobs/{id}", "getJob", RULESETS, 200, 404);
        add(table, "GET /api/v1/admin/users", "listUsers", USERS, 200);
        add(table, "POST /api/v1/admin/users", "createUser", USERS, 201, 409);
        add(table, "GET /api/v1/admin/users/{username}", "getUser", USERS, 200, 404);
        add(table, "PUT /api/v1/admin/users/{username}", "updateUser", USERS, 200, 404, 409);
        add(table, "DELETE /api/v1/admin/users/{username}", "deleteUser", USERS, 204, 404, 409);
        add(table, "PUT /api/v1/admin/users/{username}/password", "setUserPassword", USERS, 204,
                404);
        add(table, "GET /api/v1/admin/api-keys", "listApiKeys", USERS, 200);
        add(table, "POST /api/v1/admin/api-keys", "createApiKey", USERS, 201);
        add(table, "DELETE /api/v1/admin/api-keys/{id}", "revokeApiKey", USERS, 204, 404);
        add(table, "PUT /api/v1/account/password", "changeOwnPassword", ACCOUNT, 204);
        add(table, "GET /api/v1/admin/audit", "listAuditEntries", AUDIT, 200);
        add(table, "GET /api/v1/admin/audit/verify", "verifyAuditTrail", AUDIT, 200);
        add(table, "POST /api/v1/admin/retention/run", "runRetention", PRIVACY, 200);
        add(table, "GET /api/v1/admin/exports/decisions", "exportDecisions", PRIVACY, 200);
        return table;
    }

    private static void add(Map<String, Described> table, String operation, String operationId, String tag,
            int success, Integer... errors) {
        table.put(operation, new Described(operationId, tag, success, List.of(errors)));
    }

    /**
     * Response properties that may hold {@code null} (the service writes every property, null or not), read from
     * the records' factories; ApiDescriptionIntegrationTests checks that each named schema and property exists.
     */
    static final Map<String, Set<String>> MAY_BE_NULL = Map.ofEntries(
            Map.entry("DecisionView", Set.of("level")),
            Map.entry("ReplayView", Set.of("level", "decisionId")),
            Map.entry("HistoryEntry", Set.of("level")),
            Map.entry("ClientView", Set.of("level", "effectiveLevel", "serviceStatus", "currentDecision")),
            Map.entry("LevelChange", Set.of("fromLevel", "assessedOn")),
            Map.entry("Report", Set.of("level")),
            Map.entry("Path", Set.of("decidingRuleId")),
            Map.entry("OverrideView", Set.of("confirmedBy", "effectiveAt")),
            Map.entry("RulesetView", Set.of("description", "activatedBy", "activatedAt", "activationReason",
                    "retiredBy", "retiredAt", "scenarios")),
            Map.entry("BuildProblem", Set.of("file", "line", "column")),
            Map.entry("FiredRule", Set.of("reason", "policyRef")),
            Map.entry("UserView", Set.of("lockedUntil", "changedAt")),
            Map.entry("Jurisdiction", Set.of("town", "village")),
            Map.entry("KeyView", Set.of("revokedAt")),
            Map.entry("JobView", Set.of("result", "error", "finishedAt")),
            Map.entry("Outcomes", Set.of("employmentRatePercent", "medianDaysToJob")),
            Map.entry("OutcomeReport", Set.of("from", "to", "town")),
            Map.entry("AuditPage", Set.of("nextBefore")),
            Map.entry("AuditVerification", Set.of("firstBroken")),
            Map.entry("RulesetAuditEntry", Set.of("checksum", "reason", "details")),
            Map.entry("PlanProgress", Set.of("lastDeliveredOn")),
            Map.entry("ServiceReply", Set.of("serviceStatus")),
            Map.entry("FollowUpRecord", Set.of("employer", "position", "startedOn", "monthlySalary", "contract",
                    "satisfaction", "note", "nextPlan", "publicWelfarePlacement")),
            Map.entry("FollowUpReply", Set.of("serviceStatus", "nextPlan", "publicWelfarePlacement")),
            Map.entry("Sweep", Set.of("closedBefore")));

    /** Response properties left out when null ({@code @JsonInclude(NON_NULL)} on the record): not required. */
    static final Map<String, Set<String>> ABSENT_WHEN_NULL = Map.of(
            "DecisionView", Set.of("decisionId"),
            "ScenarioReport", Set.of("failures"),
            "RulesetView", Set.of("errors", "files"),
            "ServiceRecord", Set.of("content", "recommendation", "meeting", "employer", "position", "course",
                    "completed"));

    private static final Map<Integer, String> ERROR_MEANING = Map.ofEntries(
            Map.entry(400, "Invalid input: errors[] names each field (JSON Pointer), parameter or header"),
            Map.entry(401, "No or wrong credentials (WWW-Authenticate names the schemes)"),
            Map.entry(403, "The caller's role may not use this operation, or the facts are outside its jurisdiction"),
            Map.entry(404, "Not found (or outside the caller's jurisdiction)"),
            Map.entry(409, "Conflicts with the stored state"),
            Map.entry(413, "Body over 1 MiB"),
            Map.entry(415, "Not application/json (or a charset other than UTF-8 where the contract lists 415)"),
            Map.entry(422, "Refused by the rules or the stored state, or an Idempotency-Key reused with another body"),
            Map.entry(503, "The store cannot be reached; nothing stored; retry after Retry-After seconds"));

    @Bean
    OpenApiCustomizer apiDescriptionCustomizer(ObjectProvider<BuildProperties> build) {
        String version = Optional.ofNullable(build.getIfAvailable()).map(BuildProperties::getVersion)
                .orElse("development");
        return api -> describe(api, version);
    }

    static void describe(OpenAPI api, String version) {
        api.info(new Info().title("PLN decision service").version(version).description(
                "Tiered employment assistance (PLN method) as an explained decision service. Contract: docs/api.md; "
                        + "every error is application/problem+json (RFC 9457)."));
        api.servers(null);
        Components components = Optional.ofNullable(api.getComponents()).orElseGet(Components::new);
        api.components(components);
        components.addSchemas("FieldError", fieldError());
        components.addSchemas(PROBLEM, problem());
        components.addHeaders("Location", new Header().description("The URI of the resource made or of the job")
                .schema(new StringSchema().format("uri-reference")));
        components.addHeaders("Retry-After", new Header().description("Seconds to wait before retrying")
                .schema(new IntegerSchema()));
        components.addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("A user's name and password (people)"));
        components.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("An API key (pln_…) of an intake system: Authorization: Bearer <apiKey>"));
        components.addSecuritySchemes(JWT, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("A JWT of the configured identity provider"));
        List<SecurityRequirement> anyScheme = List.of(new SecurityRequirement().addList(BASIC),
                new SecurityRequirement().addList(API_KEY), new SecurityRequirement().addList(JWT));

        Set<String> tags = new LinkedHashSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            Described described = OPERATIONS.get(method + " " + path);
            if (described == null) {
                return; // ApiDescriptionIntegrationTests names it: every operation belongs in the table
            }
            operation.operationId(described.operationId()).tags(List.of(described.tag()));
            tags.add(described.tag());
            operation.security(anyScheme);
            anchorPatterns(operation);
            ApiResponses responses = operation.getResponses();
            succeedsWith(responses, described.success());
            Set<Integer> errors = new TreeSet<>(described.errors());
            errors.addAll(List.of(401, 403, 503));
            boolean hasBody = operation.getRequestBody() != null;
            if (hasBody || (operation.getParameters() != null && !operation.getParameters().isEmpty())) {
                errors.add(400);
            }
            if (hasBody) {
                errors.addAll(List.of(413, 415));
            }
            errors.forEach(status -> responses.put(String.valueOf(status), problemResponse(status, responses)));
            responses.forEach((status, response) -> {
                if (status.equals("201") || status.equals("202")) {
                    response.addHeaderObject("Location", new Header().$ref("#/components/headers/Location"));
                }
            });
        }));
        api.tags(tags.stream().map(name -> new Tag().name(name)).toList());
        components.getSchemas().values().forEach(ApiDescription::anchorPatterns);
        responseSchemas(api);
    }

    /** A documented 200 for an operation that answers 201 or 204 moves to that status (the body stays, or goes). */
    private static void succeedsWith(ApiResponses responses, int success) {
        String status = String.valueOf(success);
        ApiResponse ok = responses.get("200");
        if (success != 200 && ok != null && !responses.containsKey(status)) {
            responses.remove("200");
            if (success == 204) {
                ok.content(null);
            }
            ok.description(success == 201 ? "Created" : "No content");
            responses.put(status, ok);
        }
        responses.values().forEach(response -> {
            if (response.getDescription() == null || response.getDescription().isBlank()) {
                response.description("OK");
            }
        });
    }

    private static ApiResponse problemResponse(int status, ApiResponses responses) {
        ApiResponse documented = responses.get(String.valueOf(status));
        String description = documented != null && documented.getDescription() != null
                && !documented.getDescription().isBlank() ? documented.getDescription() : ERROR_MEANING.get(status);
        ApiResponse response = new ApiResponse().description(description).content(new Content().addMediaType(
                PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
        if (status == 503) {
            response.addHeaderObject("Retry-After", new Header().$ref("#/components/headers/Retry-After"));
        }
        return response;
    }

    /** Bean Validation matches a pattern against the whole value; JSON Schema finds it anywhere unless anchored. */
    private static void anchorPatterns(Operation operation) {
        Optional.ofNullable(operation.getParameters()).orElse(List.of()).forEach(parameter -> {
            Schema<?> schema = parameter.getSchema();
            if (schema == null) {
                return;
            }
            if (parameter.getName().equals("clientId")) {
                schema.setPattern(CLIENT_ID_PATTERN);
            }
            if (parameter.getName().equals("Idempotency-Key")) {
                schema.minLength(1).maxLength(255);
                parameter.description("Retries with the same key and body answer the first result; 1–255 "
                        + "characters, each caller's own");
            }
            schema.setPattern(anchored(schema.getPattern()));
        });
    }

    private static void anchorPatterns(Schema<?> schema) {
        schema.setPattern(anchored(schema.getPattern()));
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ApiDescription::anchorPatterns);
        }
        if (schema.getItems() != null) {
            anchorPatterns(schema.getItems());
        }
    }

    static String anchored(String pattern) {
        if (pattern == null || (pattern.startsWith("^") && pattern.endsWith("$"))) {
            return pattern;
        }
        return pattern.contains("|") ? "^(?:" + pattern + ")$" : "^" + pattern + "$";
    }

    private static Schema<?> fieldError() {
        return new ObjectSchema().description("One refused input: where, and why")
                .addProperty("pointer", new StringSchema().description(
                        "JSON Pointer into the request body; /<name> for a query parameter; \"\" for a header"))
                .addProperty("message", new StringSchema())
                .addProperty("parameter", new StringSchema().description("The query parameter, if one is meant"))
                .addProperty("header", new StringSchema().description("The header, if one is meant"))
                .required(List.of("pointer", "message"));
    }

    private static Schema<?> problem() {
        Schema<?> schema = new ObjectSchema().description("RFC 9457 problem details; further members by type "
                + "(e.g. ruleId, measure) may appear")
                .addProperty("type", new StringSchema().format("uri-reference")
                        .description("/problems/… or about:blank"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema().minimum(BigDecimal.valueOf(400))
                        .maximum(BigDecimal.valueOf(599)))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .description("Input errors only"))
                .required(List.of("type", "title", "status", "detail"));
        schema.setAdditionalProperties(Boolean.TRUE);
        return schema;
    }

    /**
     * Schemas only answers use get {@code required} for every property the service always writes, and
     * {@code nullable} where it may write null; request schemas keep what validation says.
     */
    private static void responseSchemas(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Set<String> inRequests = new HashSet<>();
        Set<String> inResponses = new HashSet<>();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().values()
                        .forEach(media -> reachable(media.getSchema(), schemas, inRequests));
            }
            operation.getResponses().values().stream().filter(response -> response.getContent() != null)
                    .flatMap(response -> response.getContent().values().stream())
                    .forEach(media -> reachable(media.getSchema(), schemas, inResponses));
        }));
        inResponses.removeAll(inRequests);
        inResponses.remove(PROBLEM);
        inResponses.remove("FieldError");
        for (String name : inResponses) {
            Schema<?> schema = schemas.get(name);
            if (schema == null || schema.getProperties() == null || schema.getProperties().isEmpty()) {
                continue;
            }
            Set<String> absent = ABSENT_WHEN_NULL.getOrDefault(name, Set.of());
            schema.setRequired(schema.getProperties().keySet().stream().filter(property -> !absent.contains(property))
                    .toList());
            Map<String, Schema> properties = schema.getProperties();
            for (String property : MAY_BE_NULL.getOrDefault(name, Set.of())) {
                Schema<?> declared = properties.get(property);
                if (declared == null) {
                    continue;
                }
                if (declared.get$ref() != null) {
                    // OpenAPI 3.0 ignores siblings of $ref: a nullable reference is an allOf of one.
                    properties.put(property, new Schema<>().nullable(true)
                            .allOf(List.of(new Schema<>().$ref(declared.get$ref()))));
                }
                else {
                    declared.setNullable(true);
                }
            }
        }
    }

    private static void reachable(Schema<?> start, Map<String, Schema> schemas, Set<String> found) {
        Deque<Schema<?>> todo = new ArrayDeque<>();
        if (start != null) {
            todo.push(start);
        }
        while (!todo.isEmpty()) {
            Schema<?> schema = todo.pop();
            if (schema.get$ref() != null) {
                String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
                if (found.add(name) && schemas.get(name) != null) {
                    todo.push(schemas.get(name));
                }
                continue;
            }
            List<Schema> next = new ArrayList<>();
            if (schema.getProperties() != null) {
                next.addAll(schema.getProperties().values());
            }
            if (schema.getItems() != null) {
                next.add(schema.getItems());
            }
            if (schema.getAdditionalProperties() instanceof Schema<?> values) {
                next.add(values);
            }
            Stream.of(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf()).filter(list -> list != null)
                    .forEach(next::addAll);
            next.forEach(todo::push);
        }
    }
}
