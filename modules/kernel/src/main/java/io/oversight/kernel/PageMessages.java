package io.oversight.kernel;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.el.ValueExpression;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs a page action and turns a refused request into messages on the page (a message, nothing
 * changed): each invalid field's message beside the form field bound to a property of that name, by
 * its label. Shared by the pages of every module, so that a page refuses exactly what the API refuses.
 */
public final class PageMessages {

    private PageMessages() {
    }

    /** Runs {@code action}; on a refusal shows its message and every invalid field, returns false. */
    public static boolean attempt(Runnable action, String success) {
        return attemptGet(() -> {
            action.run();
            return Boolean.TRUE;
        }, success) != null;
    }

    public static <T> T attemptGet(Supplier<T> action, String success) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            T result = action.get();
            if (success != null) {
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, success, null));
            }
            return result;
        } catch (InvalidInputException invalid) {
            showBesideFields(faces, invalid);
            faces.validationFailed();
            return null;
        } catch (RefusalException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            faces.validationFailed();
            return null;
        }
    }

    /**
     * Shows each invalid field's message beside the form field bound to the property of that name, by
     * the field's label; an error the page has no input for is shown at the top, so a summary such as
     * "... (and 1 more)" is never all a person sees.
     */
    private static void showBesideFields(FacesContext faces, InvalidInputException invalid) {
        List<FieldError> unplaced = new ArrayList<>();
        for (FieldError error : invalid.errors()) {
            Optional<UIInput> field = inputBoundTo(faces.getViewRoot(), error.field());
            if (field.isPresent()) {
                Object label = field.get().getAttributes().get("label");
                faces.addMessage(field.get().getClientId(faces), new FacesMessage(FacesMessage.SEVERITY_ERROR,
                        (label == null ? "" : label + ": ") + error.message(), null));
            } else {
                unplaced.add(error);
            }
        }
        if (invalid.errors().isEmpty() || (unplaced.size() == 1 && invalid.errors().size() == 1)) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, invalid.getMessage(), null));
            return;
        }
        if (unplaced.size() < invalid.errors().size()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Please correct the fields marked below.", null));
        }
        for (FieldError error : unplaced) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, error.field() + ": " + error.message(), null));
        }
    }

    /**
     * The rendered input whose value is bound to a property named like the field (its last path
     * segment, without a list index: "conflictFieldPaths[2]" is the one field that holds the list).
     */
    private static Optional<UIInput> inputBoundTo(UIComponent component, String field) {
        String property = field.replaceAll("\\[\\d+]$", "");
        property = property.substring(property.lastIndexOf('.') + 1);
        if (component instanceof UIInput input && component.isRendered()) {
            ValueExpression value = input.getValueExpression("value");
            if (value != null && value.getExpressionString().matches("#\\{[\\w.]*\\." + Pattern.quote(property) + "}")) {
                return Optional.of(input);
            }
        }
        if (!component.isRendered()) {
            return Optional.empty();
        }
        Iterator<UIComponent> children = component.getFacetsAndChildren();
        while (children.hasNext()) {
            Optional<UIInput> found = inputBoundTo(children.next(), field);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** A request parameter of the page's first request, or null. */
    public static String parameter(String name) {
        String value = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
        return value == null || value.isBlank() ? null : value;
    }

    public static void error(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }
}
