package io.vendo.request.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the blueprint's request form posts: the target, a value per template parameter, and a justification. */
class RequestForm {

    private String target = "";
    private Map<String, String> parameters = new LinkedHashMap<>();
    private String justification = "";

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public Map<String, String> getParameters() {
        return parameters;
    }

    public void setParameters(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    public String getJustification() {
        return justification;
    }

    public void setJustification(String justification) {
        this.justification = justification;
    }
}
