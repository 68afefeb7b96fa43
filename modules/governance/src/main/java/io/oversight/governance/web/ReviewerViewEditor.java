package io.oversight.governance.web;

import io.oversight.kernel.PageMessages;
import io.oversight.governance.ReviewerView;
import io.oversight.governance.application.DefaultReviewerViews;
import io.oversight.governance.domain.ReviewerViewRules;
import io.oversight.kernel.FieldError;
import io.oversight.kernel.InvalidInputException;
import io.oversight.kernel.RefusalException;
import io.oversight.ledger.Callers;
import io.oversight.ledger.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The reviewer-view section of a workflow's page: the shown input fields as lines of
 * {@code path | label | format}, and the tiers that answer without the model's prediction. Saving
 * replaces the view (a ledger entry) or, refused, shows each bad line and changes nothing.
 */
@Named
@ViewScoped
public class ReviewerViewEditor implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern FIELD_INDEX = Pattern.compile("^fields\\[(\\d+)]\\.?");

    @Inject
    DefaultReviewerViews views;

    @Inject
    Callers callers;

    private String key;
    private String lines;
    private List<String> hiddenTiers = new ArrayList<>();

    @PostConstruct
    void init() {
        key = PageMessages.parameter("key");
        if (key != null) {
            load();
        }
    }

    private void load() {
        ReviewerView view = views.of(key);
        lines = view.fields().stream().map(f -> f.path() + " | " + f.label() + " | " + f.format().name())
                .collect(Collectors.joining("\n"));
        hiddenTiers = view.predictionHiddenTiers().stream().sorted().map(String::valueOf).collect(Collectors.toList());
    }

    public String getFormatNames() {
        return java.util.Arrays.stream(ReviewerView.FieldFormat.values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    public void save() {
        List<ReviewerViewRules.FieldRequest> fields = new ArrayList<>();
        for (String line : (lines == null ? "" : lines).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|", -1);
            fields.add(new ReviewerViewRules.FieldRequest(parts[0].strip(), parts.length > 1 ? parts[1].strip() : null,
                    parts.length > 2 ? parts[2].strip() : null));
        }
        List<Integer> tiers = hiddenTiers.stream().map(Integer::valueOf).toList();
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            views.change(key, fields, tiers, callers.actorIn(Roles.GOVERNANCE));
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    "Reviewer view saved: " + fields.size() + " fields shown; reviewers see it on their next item.", null));
            load();
        } catch (InvalidInputException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "The reviewer view was not saved.", null));
            for (FieldError error : e.errors()) {
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, where(error.field()) + error.message(), null));
            }
            faces.validationFailed();
        } catch (RefusalException e) {
            PageMessages.error(e.getMessage());
        }
    }

    /** "fields[2].format" is line 3's format to the person who typed the lines. */
    static String where(String field) {
        Matcher m = FIELD_INDEX.matcher(field);
        if (m.find()) {
            String part = field.substring(m.end());
            return "Line " + (Integer.parseInt(m.group(1)) + 1) + (part.isEmpty() ? "" : " (" + part + ")") + ": ";
        }
        return field.startsWith("predictionHiddenTiers") ? "Hidden tiers: " : field + ": ";
    }

    public String getLines() {
        return lines;
    }

    public void setLines(String lines) {
        this.lines = lines;
    }

    public List<String> getHiddenTiers() {
        return hiddenTiers;
    }

    public void setHiddenTiers(List<String> hiddenTiers) {
        this.hiddenTiers = hiddenTiers == null ? new ArrayList<>() : new ArrayList<>(hiddenTiers);
    }
}
