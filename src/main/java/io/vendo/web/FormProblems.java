package io.vendo.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.validation.BindingResult;

/**
 * What the error summary above a form lists: one line per problem, in the order the validator found them (validators
 * check fields in the order the form shows them), each linked to the field it is about. Problems of the whole form
 * (global errors) come first and link to the form itself.
 */
public final class FormProblems {

    private FormProblems() {}

    /**
     * @param fieldId the id of the element that shows a field, from the field's name (e.g. {@code parameters[Name]} →
     *     {@code param-Name})
     * @param formId the id of the form, for problems that are about no single field
     */
    public static List<Problem> of(BindingResult binding, Function<String, String> fieldId, String formId) {
        var problems = new ArrayList<Problem>();
        binding.getGlobalErrors()
                .forEach(error -> problems.add(new Problem(formId, String.valueOf(error.getDefaultMessage()))));
        var seen = new LinkedHashSet<String>();
        binding.getFieldErrors().forEach(error -> {
            // One line per field: its first problem is what to fix first.
            if (seen.add(error.getField())) {
                problems.add(new Problem(fieldId.apply(error.getField()), message(error)));
            }
        });
        return List.copyOf(problems);
    }

    /**
     * The first problem of each field, by field name, for the message under each field: the same words as the
     * summary's, also for a value refused while binding (where Spring's own message would name Java types).
     */
    public static Map<String, String> byField(BindingResult binding) {
        var messages = new LinkedHashMap<String, String>();
        binding.getFieldErrors().forEach(error -> messages.putIfAbsent(error.getField(), message(error)));
        return messages;
    }

    /** Field names as element ids, for forms whose inputs are named and identified alike. */
    public static List<Problem> of(BindingResult binding, String formId) {
        return of(binding, Function.identity(), formId);
    }

    /** A value refused where it entered (a control character, a number that is none) names its field. */
    private static String message(org.springframework.validation.FieldError error) {
        return error.isBindingFailure()
                ? "'%s' %s".formatted(error.getField(), InvalidInputException.message(error))
                : String.valueOf(error.getDefaultMessage());
    }

    /** @param fieldId the id of the element to link to and focus */
    public record Problem(String fieldId, String message) {}
}
