package io.oversight.app.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.html.HtmlOutputLabel;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PreValidateEvent;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Names a field in its conversion and validation messages by the label people see beside it: the
 * value of the {@code h:outputLabel} whose {@code for} points at the field, unless the field declares
 * its own {@code label}. Without this a message names the field by its client id
 * ({@code create:reviewers}). Runs just before each field is validated, so no page has to repeat its
 * labels.
 */
public class FieldLabels implements SystemEventListener {

    private static final String LABELS = FieldLabels.class.getName() + ".labels";

    @Override
    public boolean isListenerForSource(Object source) {
        return source instanceof UIInput;
    }

    @Override
    public void processEvent(SystemEvent event) {
        if (!(event instanceof PreValidateEvent)) {
            return;
        }
        UIInput field = (UIInput) event.getSource();
        if (field.getAttributes().get("label") != null || field.getValueExpression("label") != null) {
            return;
        }
        String label = labelsOf(FacesContext.getCurrentInstance()).get(field);
        if (label != null) {
            field.getAttributes().put("label", label);
        }
    }

    /** The labels of the view's fields, collected once per request. */
    @SuppressWarnings("unchecked")
    private static Map<UIComponent, String> labelsOf(FacesContext faces) {
        Map<Object, Object> attributes = faces.getAttributes();
        Map<UIComponent, String> labels = (Map<UIComponent, String>) attributes.get(LABELS);
        if (labels == null) {
            labels = new IdentityHashMap<>();
            collect(faces.getViewRoot(), labels);
            attributes.put(LABELS, labels);
        }
        return labels;
    }

    private static void collect(UIComponent component, Map<UIComponent, String> labels) {
        if (component instanceof HtmlOutputLabel label && label.getFor() != null && label.getValue() != null) {
            UIComponent target = label.findComponent(label.getFor());
            if (target != null) {
                labels.put(target, label.getValue().toString());
            }
        }
        component.getFacetsAndChildren().forEachRemaining(child -> collect(child, labels));
    }
}
