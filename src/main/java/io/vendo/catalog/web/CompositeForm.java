package io.vendo.catalog.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A composite blueprint as the admin pastes it: its slug, its descriptor as the catalog directory's {@code
 * blueprint.yaml} holds it, and the template files its components name, each with its file name.
 */
public class CompositeForm {

    /** Rows for template files that an empty form offers. */
    static final int FIRST_ROWS = 3;

    private String slug = "";
    private String descriptor = "";
    private List<TemplateFile> templates = new ArrayList<>();

    static CompositeForm empty() {
        var form = new CompositeForm();
        form.addRows(FIRST_ROWS);
        return form;
    }

    /** The template files that were given (a row left empty is no file), by name. */
    Map<String, String> templateFiles() {
        var files = new LinkedHashMap<String, String>();
        for (var template : templates) {
            if (!template.getName().isBlank() || !template.getBody().isBlank()) {
                files.put(template.getName().strip(), template.getBody());
            }
        }
        return files;
    }

    void addRows(int count) {
        for (int i = 0; i < count; i++) {
            templates.add(new TemplateFile());
        }
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug == null ? "" : slug.strip();
    }

    public String getDescriptor() {
        return descriptor;
    }

    public void setDescriptor(String descriptor) {
        this.descriptor = descriptor == null ? "" : descriptor;
    }

    public List<TemplateFile> getTemplates() {
        return templates;
    }

    public void setTemplates(List<TemplateFile> templates) {
        this.templates = templates == null ? new ArrayList<>() : new ArrayList<>(templates);
    }

    /** One template file: its name as the descriptor's {@code template:} names it, and its text. */
    public static class TemplateFile {

        private String name = "";
        private String body = "";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name == null ? "" : name;
        }

        public String getBody() {
            return body;
        }

        public void setBody(String body) {
            this.body = body == null ? "" : body;
        }
    }
}
