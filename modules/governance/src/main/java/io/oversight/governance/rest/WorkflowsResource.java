package io.oversight.governance.rest;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.oversight.ledger.Callers;
import io.oversight.kernel.NotFoundException;
import io.oversight.governance.application.DefaultGuidelineService;
import io.oversight.governance.application.DefaultModelRegistry;
import io.oversight.governance.application.DefaultRoutingPolicyService;
import io.oversight.governance.application.DefaultWorkflowService;
import io.oversight.governance.domain.GuidelineContent;
import io.oversight.governance.domain.PolicyContent;
import io.oversight.governance.domain.WorkflowSettings;
import io.oversight.governance.rest.Views.GuidelineJson;
import io.oversight.governance.rest.Views.ModelJson;
import io.oversight.governance.rest.Views.PolicyJson;
import io.oversight.governance.rest.Views.TaxonomyRequest;
import io.oversight.governance.rest.Views.WorkflowJson;
import io.oversight.ledger.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Workflows, their taxonomies, and the versions hanging off them. */
@Path("workflows")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Governance: workflows")
public class WorkflowsResource {

    @Inject
    DefaultWorkflowService workflows;

    @Inject
    DefaultGuidelineService guidelines;

    @Inject
    DefaultRoutingPolicyService policies;

    @Inject
    DefaultModelRegistry models;

    @Inject
    Callers callers;

    @GET
    @RolesAllowed({Roles.GOVERNANCE, Roles.AUDITOR})
    @Operation(summary = "List workflows")
    @APIResponse(responseCode = "200", description = "Every workflow with its current taxonomy",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = WorkflowJson.class),
            examples = {
                    @ExampleObject(name = "demo workflow", value = GovernanceExamples.WORKFLOWS)}))
    public List<WorkflowJson> list() {
        return workflows.list().stream().map(WorkflowJson::of).toList();
    }

    @POST
    @RolesAllowed(Roles.GOVERNANCE)
    @Operation(summary = "Create a workflow", description = "Recorded in the ledger as governance.workflow.created.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WorkflowJson.class),
            examples = {
                    @ExampleObject(name = "new workflow, empty taxonomy", value = GovernanceExamples.CREATED_WORKFLOW)}))
    @APIResponse(responseCode = "400", description = "Invalid fields (problem+json with errors)")
    @APIResponse(responseCode = "409", description = "A workflow with this key exists")
    public Response create(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WorkflowSettings.class),
                    examples = {@ExampleObject(name = "card disputes", value = GovernanceExamples.NEW_WORKFLOW)}))
            @NotNull WorkflowSettings settings, @Context UriInfo uriInfo) {
        WorkflowJson created = WorkflowJson.of(workflows.create(settings, callers.actorIn(Roles.GOVERNANCE)));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.key()).build()).entity(created).build();
    }

    @GET
    @Path("{key}")
    @RolesAllowed({Roles.GOVERNANCE, Roles.AUDITOR})
    @Operation(summary = "Get a workflow with its current taxonomy")
    @APIResponse(responseCode = "404", description = "Unknown workflow")
    @APIResponse(responseCode = "200", description = "The workflow",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WorkflowJson.class),
            examples = {
                    @ExampleObject(name = "demo workflow", value = GovernanceExamples.WORKFLOW)}))
    public WorkflowJson get(@PathParam("key") String key) {
        return workflows.find(key).map(WorkflowJson::of)
                .orElseThrow(() -> new NotFoundException("No workflow with key '" + key + "'."));
    }

    @PUT
    @Path("{key}")
    @RolesAllowed(Roles.GOVERNANCE)
    @Operation(summary = "Change a workflow's settings", description = "The key in the body is ignored.")
    @APIResponse(responseCode = "200", description = "The workflow as changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WorkflowJson.class),
            examples = {
                    @ExampleObject(name = "changed", value = GovernanceExamples.CREATED_WORKFLOW)}))
    public WorkflowJson change(@PathParam("key") String key,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WorkflowSettings.class),
                    examples = {@ExampleObject(name = "settings", value = GovernanceExamples.NEW_WORKFLOW)}))
            @NotNull WorkflowSettings settings) {
        return WorkflowJson.of(workflows.change(key, settings, callers.actorIn(Roles.GOVERNANCE)));
    }

    @PUT
    @Path("{key}/taxonomy")
    @RolesAllowed(Roles.GOVERNANCE)
    @Operation(summary = "Replace the taxonomy by a new version",
            description = "Labels with codes, parents, display names and descriptions; earlier versions are kept.")
    @APIResponse(responseCode = "200", description = "The workflow with its new taxonomy version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WorkflowJson.class),
            examples = {
                    @ExampleObject(name = "two labels", value = GovernanceExamples.TAXONOMY_REPLACED)}))
    public WorkflowJson replaceTaxonomy(@PathParam("key") String key,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TaxonomyRequest.class),
                    examples = {@ExampleObject(name = "hierarchy", value = GovernanceExamples.TAXONOMY_REQUEST), @ExampleObject(name = "rating scale", value = GovernanceExamples.RATING_SCALE_REQUEST)}))
            @NotNull TaxonomyRequest request) {
        return WorkflowJson.of(workflows.replaceTaxonomy(key, request.labels(), callers.actorIn(Roles.GOVERNANCE)));
    }

    @GET
    @Path("{key}/guidelines")
    @RolesAllowed({Roles.GOVERNANCE, Roles.AUDITOR})
    @Operation(summary = "List a workflow's guideline versions, newest first")
    @APIResponse(responseCode = "200", description = "Guideline versions, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = GuidelineJson.class),
            examples = {
                    @ExampleObject(name = "one draft", value = GovernanceExamples.GUIDELINES)}))
    public List<GuidelineJson> guidelines(@PathParam("key") String key) {
        return guidelines.versionsOf(key).stream().map(GuidelineJson::of).toList();
    }

    @POST
    @Path("{key}/guidelines")
    @RolesAllowed(Roles.GOVERNANCE)
    @Operation(summary = "Write a new guideline version (a draft)")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GuidelineJson.class),
            examples = {
                    @ExampleObject(name = "draft", value = GovernanceExamples.GUIDELINE)}))
    public Response draftGuideline(@PathParam("key") String key,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GuidelineContent.class),
                    examples = {@ExampleObject(name = "markdown with an example", value = GovernanceExamples.GUIDELINE_REQUEST)}))
            @NotNull GuidelineContent content,
            @Context UriInfo uriInfo) {
        GuidelineJson created = GuidelineJson.of(guidelines.createDraft(key, content, callers.actorIn(Roles.GOVERNANCE)));
        return Response.created(location(uriInfo, "guidelines", created.id())).entity(created).build();
    }

    @GET
    @Path("{key}/policies")
    @RolesAllowed({Roles.GOVERNANCE, Roles.AUDITOR})
    @Operation(summary = "List a workflow's routing-policy versions, newest first")
    @APIResponse(responseCode = "200", description = "Routing-policy versions, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = PolicyJson.class),
            examples = {
                    @ExampleObject(name = "active policy", value = GovernanceExamples.POLICIES)}))
    public List<PolicyJson> policies(@PathParam("key") String key) {
        return policies.versionsOf(key).stream().map(PolicyJson::of).toList();
    }

    @POST
    @Path("{key}/policies")
    @RolesAllowed(Roles.GOVERNANCE)
    @Operation(summary = "Write a new routing-policy version (a draft), validated on save")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PolicyJson.class),
            examples = {
                    @ExampleObject(name = "draft", value = GovernanceExamples.POLICY_DRAFT)}))
    public Response draftPolicy(@PathParam("key") String key,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PolicyContent.class),
                    examples = {@ExampleObject(name = "bands, threshold, rule, SLA", value = GovernanceExamples.POLICY_REQUEST)}))
            @NotNull PolicyContent content, @Context UriInfo uriInfo) {
        PolicyJson created = PolicyJson.of(policies.createDraft(key, content, callers.actorIn(Roles.GOVERNANCE)));
        return Response.created(location(uriInfo, "policies", created.id())).entity(created).build();
    }

    @GET
    @Path("{key}/models")
    @RolesAllowed({Roles.GOVERNANCE, Roles.AUDITOR})
    @Operation(summary = "List a workflow's model snapshots, newest first")
    @APIResponse(responseCode = "200", description = "Model snapshots, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ModelJson.class),
            examples = {
                    @ExampleObject(name = "shadow and active", value = GovernanceExamples.MODELS)}))
    public List<ModelJson> models(@PathParam("key") String key) {
        return models.of(key).stream().map(ModelJson::of).toList();
    }

    static URI location(UriInfo uriInfo, String collection, String id) {
        return uriInfo.getBaseUriBuilder().path(collection).path(id).build();
    }
}
