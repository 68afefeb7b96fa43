package io.oversight.governance.rest;

import io.oversight.governance.DriftField;
import io.oversight.governance.MonitorGrain;
import io.oversight.governance.MonitorSettings;
import io.oversight.governance.application.DefaultMonitors;
import io.oversight.governance.rest.MonitoringViews.SeriesJson;
import io.oversight.governance.rest.MonitoringViews.SettingsJson;
import io.oversight.governance.rest.MonitoringViews.ValueJson;
import io.oversight.kernel.InvalidInputException;
import io.oversight.ledger.Callers;
import io.oversight.ledger.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Monitor time series and settings. */
@Path("monitors")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Governance: monitors")
public class MonitorsResource {

    /** Windows returned when no period is given. */
    static final int DEFAULT_WINDOWS = 48;

    @Inject
    DefaultMonitors monitors;

    @Inject
    Callers callers;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.GOVERNANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Every monitor per window of a workflow (or of one snapshot with ?subject=snapshot id)",
            description = "grain HOUR, DAY or WEEK (default HOUR); from/to ISO-8601 instants (default: the last 48 "
                    + "windows). A value below the workflow's minimum n has status NOT_ENOUGH_DATA and value null.")
    @APIResponse(responseCode = "200", description = "The values of every window, each with its n",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SeriesJson.class),
            examples = {@ExampleObject(name = "workflow", value = MonitoringExamples.SERIES),
                    @ExampleObject(name = "input field", value = MonitoringExamples.INPUT_SERIES)}))
    public SeriesJson values(@QueryParam("workflow") String workflow, @QueryParam("grain") String grain,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("subject") String subject) {
        if (workflow == null || workflow.isBlank()) {
            throw InvalidInputException.sentence("workflow", "is required");
        }
        MonitorGrain g = grain(grain);
        Instant end = instant("to", to).orElse(g.windowStart(clock.instant()).plus(g.length()));
        Instant start = instant("from", from).orElse(end.minus(g.length().multipliedBy(DEFAULT_WINDOWS)));
        Optional<String> s = Optional.ofNullable(subject).filter(x -> !x.isBlank());
        List<ValueJson> values = monitors.values(workflow, s, g, start, end).stream().map(ValueJson::of).toList();
        return new SeriesJson(workflow, s.orElse(null), g.name(), start, end, values);
    }

    @GET
    @Path("settings/{workflow}")
    @RolesAllowed({Roles.GOVERNANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "A workflow's monitor settings: minimum n, drift reference, acceptance criteria, advice target")
    @APIResponse(responseCode = "200", description = "The settings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SettingsJson.class),
            examples = {@ExampleObject(name = "settings", value = MonitoringExamples.SETTINGS)}))
    public SettingsJson settings(@PathParam("workflow") String workflow) {
        return SettingsJson.of(monitors.settings(workflow));
    }

    @PUT
    @Path("settings/{workflow}")
    @RolesAllowed(Roles.GOVERNANCE)
    @Operation(summary = "Replace a workflow's monitor settings (a ledger entry)",
            description = "Omitted fields keep their defaults (minN 30, referenceSize 1000, adviceTarget 0.02); "
                    + "gateMinN with gateMinAgreement turn the promotion gate on.")
    @APIResponse(responseCode = "200", description = "The settings saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SettingsJson.class),
            examples = {@ExampleObject(name = "settings", value = MonitoringExamples.SETTINGS)}))
    public SettingsJson saveSettings(@PathParam("workflow") String workflow,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SettingsJson.class),
                    examples = {@ExampleObject(name = "gate and drift fields", value = MonitoringExamples.SETTINGS_REQUEST)}))
            @NotNull SettingsJson body) {
        MonitorSettings d = MonitorSettings.defaults(workflow);
        if ((body.gateMinN() == null) != (body.gateMinAgreement() == null)) {
            throw InvalidInputException.sentence("gateMinN", "gateMinN and gateMinAgreement are set together");
        }
        if (body.gateMargin() != null && body.gateMinN() == null) {
            throw InvalidInputException.sentence("gateMargin", "needs gateMinN and gateMinAgreement");
        }
        Optional<MonitorSettings.AcceptanceCriteria> gate = body.gateMinN() == null ? Optional.empty()
                : Optional.of(new MonitorSettings.AcceptanceCriteria(body.gateMinN(), body.gateMinAgreement(),
                        Optional.ofNullable(body.gateMargin())));
        MonitorSettings settings = new MonitorSettings(workflow, body.minN() == null ? d.minN() : body.minN(),
                body.referenceSize() == null ? d.referenceSize() : body.referenceSize(),
                Optional.ofNullable(body.referenceFrom()), Optional.ofNullable(body.referenceTo()), gate,
                body.adviceTarget() == null ? d.adviceTarget() : body.adviceTarget(), driftFields(body.driftFields()));
        return SettingsJson.of(monitors.saveSettings(settings, callers.actorIn(Roles.GOVERNANCE)));
    }

    private static List<DriftField> driftFields(List<MonitoringViews.DriftFieldJson> fields) {
        if (fields == null) {
            return List.of();
        }
        List<DriftField> parsed = new ArrayList<>(fields.size());
        for (MonitoringViews.DriftFieldJson f : fields) {
            if (f == null) {
                throw InvalidInputException.sentence("driftFields", "must not contain null");
            }
            DriftField.Kind kind;
            try {
                kind = DriftField.Kind.valueOf(String.valueOf(f.kind()).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.sentence("driftFields[" + f.path() + "].kind",
                        "must be NUMERIC or CATEGORICAL, not '" + f.kind() + "'");
            }
            parsed.add(new DriftField(f.path(), kind));
        }
        return parsed;
    }

    static MonitorGrain grain(String grain) {
        if (grain == null || grain.isBlank()) {
            return MonitorGrain.HOUR;
        }
        try {
            return MonitorGrain.valueOf(grain.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.sentence("grain", "must be HOUR, DAY or WEEK, not '" + grain + "'");
        }
    }

    static Optional<Instant> instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw InvalidInputException.sentence(field, "must be an ISO-8601 instant such as 2026-12-05T10:00:00Z");
        }
    }
}
